package main

import "strings"

var semAcento = map[rune]rune{}

func init() {
	de := []rune("áàâãäéèêëíìîïóòôõöúùûüçñ")
	para := []rune("aaaaaeeeeiiiiooooouuuucn")
	for i, c := range de {
		semAcento[c] = para[i]
	}
}

func gerarSlug(titulo string) string {
	var b strings.Builder
	hifen := false
	for _, c := range strings.ToLower(titulo) {
		if r, ok := semAcento[c]; ok {
			c = r
		}
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			if hifen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hifen = false
			b.WriteRune(c)
		} else {
			hifen = true
		}
	}
	return b.String()
}
