package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no evaluation", nil, 2, "want one evaluation"},
		{"two evaluations", []string{"ner", "time"}, 2, "want one evaluation"},
		{"unknown", []string{"nonesuch"}, 2, `unknown evaluation "nonesuch"`},
		{"bad flag", []string{"--nonesuch", "ner"}, 2, "flag provided but not defined"},
		{"help", []string{"--help"}, 0, "resolve"},
		{"missing data", []string{"--data", "/nonexistent", "ner"}, 1, "/nonexistent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := run(context.Background(), tt.args, &out, &errb); code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, errb.String())
			}
			if !strings.Contains(errb.String(), tt.want) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.want)
			}
		})
	}
}
