package main

import (
	"strings"
	"unicode"
)

var particulas = map[string]bool{"da": true, "de": true, "di": true, "do": true, "das": true, "dos": true, "e": true}

func capitalizarNome(nome string) string {
	r := []string{}
	for i, p := range strings.Fields(nome) {
		m := []rune(strings.ToLower(p))
		if i > 0 && particulas[string(m)] {
			r = append(r, string(m))
			continue
		}
		m[0] = unicode.ToUpper(m[0])
		r = append(r, string(m))
	}
	return strings.Join(r, " ")
}
