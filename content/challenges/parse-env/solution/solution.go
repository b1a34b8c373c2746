package main

import (
	"regexp"
	"strings"
)

var chaveValida = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func lerEnv(conteudo string) map[string]string {
	r := map[string]string{}
	for _, linha := range strings.Split(conteudo, "\n") {
		linha = strings.TrimSpace(linha)
		if linha == "" || strings.HasPrefix(linha, "#") {
			continue
		}
		linha = strings.TrimPrefix(linha, "export ")
		i := strings.Index(linha, "=")
		if i < 0 {
			continue
		}
		chave := strings.TrimSpace(linha[:i])
		valor := strings.TrimSpace(linha[i+1:])
		if !chaveValida.MatchString(chave) {
			continue
		}
		if len(valor) >= 2 && valor[0] == valor[len(valor)-1] && (valor[0] == '"' || valor[0] == '\'') {
			valor = valor[1 : len(valor)-1]
		} else if c := strings.Index(valor, " #"); c >= 0 {
			valor = strings.TrimSpace(valor[:c])
		}
		r[chave] = valor
	}
	return r
}
