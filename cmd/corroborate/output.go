package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

// writeOutput opens out ('-' or "" for stdout), runs write on a buffered
// writer and reports errors of writing and closing.
func writeOutput(out string, write func(io.Writer) error) (err error) {
	var w io.Writer = os.Stdout
	if out != "-" && out != "" {
		file, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("creating output: %w", err)
		}
		defer func() {
			if cerr := file.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("closing output %s: %w", out, cerr)
			}
		}()
		w = file
	}
	bw := bufio.NewWriter(w)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}
