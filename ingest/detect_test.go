package ingest

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// TestDetectShortLegacyTexts decodes short invented news sentences saved in
// legacy charsets with no declaration: one sentence, then two and three
// joined. Short inputs are where statistical detection alone goes wrong.
func TestDetectShortLegacyTexts(t *testing.T) {
	cases := []struct {
		lang      string
		enc       encoding.Encoding
		sentences []string
	}{
		{"arabic", charmap.Windows1256, []string{"قال مسؤول إن الحريق اندلع مساء الأحد.", "أكدت الشرطة اعتقال ثلاثة مشتبهين في البصرة.", "وأضاف أن الخسائر كانت كبيرة جدا.", "انفجار في بغداد", "مقتل باحث أمني أمام منزله"}},
		{"french", charmap.Windows1252, []string{"Le maire a déclaré que la crue était «exceptionnelle».", "Les pompiers sont intervenus à l'aube.", "Crue à Nîmes", "Été très sec"}},
		{"english", charmap.Windows1252, []string{"The mayor said \u201cwe will rebuild\u201d on Friday.", "Officials didn\u2019t comment \u2014 yet.", "It cost \u00a3300,000, the council said\u2026", "Caf\u00e9 reopens"}},
		{"german", charmap.Windows1252, []string{"Der Bürgermeister sagte, die Straße sei gesperrt.", "Die Feuerwehr war mit 40 Kräften vor Ort.", "Große Schäden"}},
		{"russian", charmap.Windows1251, []string{"Мэр заявил, что мост откроют в пятницу.", "Пожар в Москве", "Полиция задержала двух подозреваемых."}},
		{"czech", charmap.Windows1250, []string{"Starosta řekl, že most bude otevřen v pátek.", "Požár v Brně", "Policie zadržela dva podezřelé."}},
		{"polish", charmap.ISO8859_2, []string{"Burmistrz powiedział, że most zostanie otwarty w piątek.", "Pożar w Łodzi", "Policja zatrzymała dwóch podejrzanych."}},
		{"hungarian", charmap.ISO8859_2, []string{"A polgármester szerint a hidat pénteken nyitják meg.", "Tűz Győrben", "A rendőrség két gyanúsítottat őrizetbe vett."}},
	}
	for _, c := range cases {
		t.Run(c.lang, func(t *testing.T) {
			for n := 1; n <= 3; n++ {
				for i := range c.sentences {
					var parts []string
					for j := 0; j < n; j++ {
						parts = append(parts, c.sentences[(i+j)%len(c.sentences)])
					}
					text := strings.Join(parts, " ")
					b, err := c.enc.NewEncoder().Bytes([]byte(text))
					if err != nil {
						t.Fatalf("fixture %q: %v", text, err)
					}
					if d := Decode(b, "", false); d.Text != text {
						t.Errorf("%d sentence(s), %d bytes: decoded as %s: %q", n, len(b), d.Encoding, d.Text)
					}
				}
			}
		})
	}
}

// misread encodes s as windows-1256 and decodes the bytes as ISO-8859-8.
func misread(t *testing.T, s string) string {
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	out, err := charmap.ISO8859_8.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestCoherence(t *testing.T) {
	cases := []struct {
		name string
		s    string
		sign int
	}{
		{"arabic words", "قال مسؤول إن الحريق", 1},
		{"latin with accents", "Le maire a déclaré", 1},
		{"mixed scripts inside words", "Москвa Пожaр", -1},
		{"arabic bytes read as hebrew", misread(t, "قال مسؤول إن الحريق"), -1},
		{"undefined characters", "abc \ufffd\ufffd def \u0085", -1},
		{"ascii only", "plain words", 0},
		{"markup glued to arabic", "<title>حريق كبير</title><p>قال مسؤول</p>", 1},
		{"arabic bytes read as latin-1", "<title>ÍÑíÞ ßÈíÑ</title><p>ÞÇá ãÓÄæá</p>", -1},
	}
	for _, c := range cases {
		got := coherence(c.s)
		if (c.sign > 0 && got <= 0) || (c.sign < 0 && got >= 0) || (c.sign == 0 && got != 0) {
			t.Errorf("%s: coherence(%q) = %.2f, want sign %d", c.name, c.s, got, c.sign)
		}
	}
}

func TestCentralEuropeanBytes(t *testing.T) {
	latin2 := func(s string) []byte {
		b, err := charmap.ISO8859_2.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	latin1 := func(s string) []byte {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		b    []byte
		want bool
	}{
		{"hungarian ő", latin2("A rendőrség két gyanúsítottat őrizetbe vett."), true},
		{"polish ł", latin2("Policja zatrzymała dwóch"), true},
		{"czech ž", latin2("Starosta řekl, že most"), true},
		{"french è", latin1("Été très sec"), false},
		{"german", latin1("Große Schäden"), false},
		{"price in pounds", latin1("It cost £300 — a lot"), false},
	}
	for _, tt := range tests {
		if got := centralEuropeanBytes(tt.b); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestDetectIsStable decodes short texts whose detector proposals tie
// many times over: the answer must not change from run to run.
func TestDetectIsStable(t *testing.T) {
	for _, c := range []struct {
		text string
		enc  encoding.Encoding
	}{
		{"A rendőrség két gyanúsítottat őrizetbe vett.", charmap.ISO8859_2},
		{"Été très sec", charmap.Windows1252},
	} {
		b, err := c.enc.NewEncoder().Bytes([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < 200; n++ {
			if d := Decode(b, "", false); d.Text != c.text {
				t.Fatalf("run %d: %q decoded as %s: %q", n, c.text, d.Encoding, d.Text)
			}
		}
	}
}
