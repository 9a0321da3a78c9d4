// Package account tells a story as a reporter would sign it: a neutral
// headline generated from the main event's 5W1H (who, what, where,
// when, each cited) rather than copied from one outlet, the facts of the
// main event with how many independent reports support each, and every
// disagreement as a plain sentence. It also tidies the sentences shown
// to people (Display) while their citations keep pointing at the
// original bytes. It runs after the 5W1H and summary stages.
package account
