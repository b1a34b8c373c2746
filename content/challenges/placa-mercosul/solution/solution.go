package main

import (
	"regexp"
	"strings"
)

var antiga = regexp.MustCompile(`^[A-Z]{3}[0-9]{4}$`)
var mercosul = regexp.MustCompile(`^[A-Z]{3}[0-9][A-Z][0-9]{2}$`)

func classificarPlaca(placa string) string {
	p := strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(placa))
	if antiga.MatchString(p) {
		return "antiga"
	}
	if mercosul.MatchString(p) {
		return "mercosul"
	}
	return "invalida"
}
