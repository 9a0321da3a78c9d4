package eventcoref

import "testing"

func TestAgglomerate(t *testing.T) {
	// 0-1-2 strongly linked, 3 weakly to 2, 4 alone.
	edges := []Edge{{0, 1, 0.9}, {1, 2, 0.8}, {0, 2, 0.7}, {2, 3, 0.6}}
	lab := Agglomerate(5, edges, 0.5)
	if lab[0] != lab[1] || lab[1] != lab[2] {
		t.Errorf("0, 1, 2 not together: %v", lab)
	}
	// 3 joins {0,1,2} only if the mean over its three pairs (0.6/3)
	// reaches the threshold: it does not.
	if lab[3] == lab[0] || lab[4] == lab[0] || lab[3] == lab[4] {
		t.Errorf("3 and 4 should stay apart: %v", lab)
	}
	// At a low threshold 3 joins.
	if lab := Agglomerate(5, edges, 0.15); lab[3] != lab[0] {
		t.Errorf("at 0.15, 3 should join: %v", lab)
	}
}

func TestAgglomerateCannotLink(t *testing.T) {
	// 0 and 2 cannot be together, though 1 links both strongly.
	edges := []Edge{{0, 1, 0.9}, {1, 2, 0.85}, {3, 4, 0.9}}
	lab := AgglomerateConstrained(5, edges, [][2]int{{0, 2}}, 0.3)
	if lab[0] == lab[2] {
		t.Errorf("cannot-link pair merged: %v", lab)
	}
	if lab[0] != lab[1] {
		t.Errorf("0 and 1 should merge first (0.9): %v", lab)
	}
	if lab[3] != lab[4] {
		t.Errorf("3 and 4 should merge: %v", lab)
	}
}
