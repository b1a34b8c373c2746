package main

import (
	"regexp"
	"strconv"
	"strings"
)

var padrao = regexp.MustCompile(`^(?:R\$ ?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$`)

func reaisParaCentavos(valor string) int64 {
	m := padrao.FindStringSubmatch(strings.TrimSpace(valor))
	if m == nil {
		return -1
	}
	reais, err := strconv.ParseInt(strings.ReplaceAll(m[1], ".", ""), 10, 64)
	if err != nil {
		return -1
	}
	c := (m[2] + "00")[:2]
	centavos, _ := strconv.ParseInt(c, 10, 64)
	total := reais*100 + centavos
	if total <= 0 {
		return -1
	}
	return total
}
