package analysis

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// longReport returns an invented news report of about size bytes: varied
// paragraphs of reporting with people, places, organisations, dates,
// quotations and figures, drawn from a seeded generator so that the same
// size always gives the same text and no two paragraphs are alike.
func longReport(size int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	first := []string{"Amina", "Jonas", "Leila", "Marcus", "Priya", "Tomasz", "Ingrid", "Kwame", "Sofia", "Daniel",
		"Hana", "Rafael", "Yusuf", "Claire", "Mateo", "Nadia", "Oskar", "Fatima", "Elena", "Samuel"}
	last := []string{"Okafor", "Lindqvist", "Haddad", "Brennan", "Raman", "Kowalski", "Berg", "Mensah", "Ferreira",
		"Abbott", "Tanaka", "Morales", "Demir", "Fontaine", "Vargas", "Karimi", "Nilsson", "Aziz", "Petrova", "Adeyemi"}
	roles := []string{"the regional governor", "a police spokesman", "the health minister", "a local councillor",
		"the fire chief", "an aid worker", "the mayor", "a witness", "the company's chief executive", "a union leader"}
	places := []string{"Port Aldren", "Velmora", "the Kessin valley", "North Harrow", "Lake Tiber", "Ostravia",
		"the Marren district", "Caldwick", "San Orlano", "the eastern province"}
	orgs := []string{"the Red Crescent", "the Ministry of Interior", "Harbor Transit Authority", "the World Food Programme",
		"Velmora General Hospital", "the National Weather Service", "Caldwick Mining Corporation", "the United Nations"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	events := []string{"the flooding", "the explosion", "the strike", "the evacuation", "the fire", "the landslide",
		"the protest", "the power cut", "the collapse", "the outbreak"}
	verbs := []string{"said", "told reporters", "added", "warned", "insisted", "confirmed"}
	person := func() string { return pick(first) + " " + pick(last) }
	date := func() string {
		return fmt.Sprintf("%s %d, %d", pick(months), 1+r.IntN(28), 2019+r.IntN(6))
	}
	sentences := []func() string{
		func() string {
			return fmt.Sprintf("At least %d people were killed and %d injured in %s in %s on %s, according to %s.",
				2+r.IntN(300), 5+r.IntN(900), pick(events), pick(places), date(), pick(orgs))
		},
		func() string {
			return fmt.Sprintf("\"%s,\" %s %s, %s.", fmt.Sprintf("We have sent %d teams to %s and more will follow by %s", 2+r.IntN(60), pick(places), pick(days)),
				pick(verbs), person(), pick(roles))
		},
		func() string {
			return fmt.Sprintf("%s, %s, %s the damage would cost about $%d million to repair.", person(), pick(roles), pick(verbs), 3+r.IntN(900))
		},
		func() string {
			return fmt.Sprintf("On %s, %s announced that %d families had been moved to shelters outside %s.",
				pick(days), pick(orgs), 40+r.IntN(5000), pick(places))
		},
		func() string {
			return fmt.Sprintf("\"%s,\" said %s, who arrived in %s %d hours after %s began.",
				fmt.Sprintf("Nobody expected the water to rise %d metres in one night", 1+r.IntN(9)), person(), pick(places), 2+r.IntN(70), pick(events))
		},
		func() string {
			return fmt.Sprintf("Officials put the death toll at %d by %s, up from %d the day before.", 10+r.IntN(400), date(), 1+r.IntN(200))
		},
		func() string {
			return fmt.Sprintf("%s, who leads %s, %s that roughly %d percent of the roads in %s remained closed.",
				person(), pick(orgs), pick(verbs), 5+r.IntN(90), pick(places))
		},
		func() string {
			return fmt.Sprintf("The last comparable disaster struck %s in %d, when %d homes were destroyed.", pick(places), 1950+r.IntN(70), 100+r.IntN(20000))
		},
		func() string {
			return fmt.Sprintf("According to %s, %s, the first warnings were issued at %d:%02d on %s.", person(), pick(roles), 1+r.IntN(12), r.IntN(60), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s %s: %q", person(), pick(verbs), fmt.Sprintf("The %d people still missing are our first concern, and we will search until %s.", 2+r.IntN(90), date()))
		},
	}
	var b strings.Builder
	b.WriteString(fmt.Sprintf("Disaster in %s: %s\n\n", pick(places), pick(events)))
	for b.Len() < size {
		n := 3 + r.IntN(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentences[r.IntN(len(sentences))]())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestWriteLongReport writes a generated report of CORROBORATE_LONGDOC_SIZE
// bytes to the file CORROBORATE_LONGDOC_OUT, for profiling a long document
// from the command line; it is skipped otherwise.
func TestWriteLongReport(t *testing.T) {
	out := os.Getenv("CORROBORATE_LONGDOC_OUT")
	if out == "" {
		t.Skip("set CORROBORATE_LONGDOC_OUT (and CORROBORATE_LONGDOC_SIZE) to write a long generated report")
	}
	var size int
	if _, err := fmt.Sscan(os.Getenv("CORROBORATE_LONGDOC_SIZE"), &size); err != nil || size <= 0 {
		t.Fatalf("CORROBORATE_LONGDOC_SIZE: want a positive number of bytes: %v", err)
	}
	if err := os.WriteFile(out, []byte(longReport(size, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
