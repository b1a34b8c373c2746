package main

import "strings"

func formatarTelefone(texto string) string {
	var b strings.Builder
	for _, c := range texto {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	d := b.String()
	if (len(d) != 10 && len(d) != 11) || d[0] == '0' {
		return ""
	}
	ddd, n := d[:2], d[2:]
	if len(d) == 11 && n[0] == '9' {
		return "(" + ddd + ") " + n[:5] + "-" + n[5:]
	}
	if len(d) == 10 && strings.ContainsRune("2345", rune(n[0])) {
		return "(" + ddd + ") " + n[:4] + "-" + n[4:]
	}
	return ""
}
