package main

import (
	"regexp"
	"strconv"
	"strings"
)

var ufs = map[string]bool{}
var padraoValor = regexp.MustCompile(`^([0-9]+)(?:,([0-9]{1,2}))?$`)

func init() {
	for _, uf := range strings.Fields("AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO") {
		ufs[uf] = true
	}
}

func totalPorUf(linhas []string) map[string]int64 {
	r := map[string]int64{}
	for i, linha := range linhas {
		if i == 0 || strings.TrimSpace(linha) == "" {
			continue
		}
		campos := strings.Split(linha, ";")
		var m []string
		if len(campos) == 2 {
			m = padraoValor.FindStringSubmatch(strings.TrimSpace(campos[1]))
		}
		uf := strings.ToUpper(strings.TrimSpace(campos[0]))
		if m == nil || !ufs[uf] {
			r["invalidas"]++
			continue
		}
		reais, _ := strconv.ParseInt(m[1], 10, 64)
		cent, _ := strconv.ParseInt((m[2] + "00")[:2], 10, 64)
		r[uf] += reais*100 + cent
	}
	return r
}
