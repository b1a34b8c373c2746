package main

import (
	"regexp"
	"strconv"
)

var padraoAcao = regexp.MustCompile(`^(add|remove):([A-Za-z0-9-]+):([1-9][0-9]?)$`)

func aplicarAcoes(acoes []string) map[string]int64 {
	carrinho := map[string]int64{}
	for _, acao := range acoes {
		if acao == "clear" {
			carrinho = map[string]int64{}
			continue
		}
		m := padraoAcao.FindStringSubmatch(acao)
		if m == nil {
			continue
		}
		qtd, _ := strconv.ParseInt(m[3], 10, 64)
		if m[1] == "add" {
			carrinho[m[2]] += qtd
		} else if atual, ok := carrinho[m[2]]; ok {
			if atual-qtd <= 0 {
				delete(carrinho, m[2])
			} else {
				carrinho[m[2]] = atual - qtd
			}
		}
	}
	return carrinho
}
