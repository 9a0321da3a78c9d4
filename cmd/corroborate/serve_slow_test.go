//go:build slow

package main

import "testing"

// TestKill9During500Posts is the durability test: 500 POSTs, kill
// -9 midway, restart, every acknowledged report present exactly once.
func TestKill9During500Posts(t *testing.T) {
	durability(t, 500)
}
