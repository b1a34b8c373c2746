package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var padraoStatus = regexp.MustCompile(`"[^"]*" (\d{3}) \d+`)

func contarStatus(linhas []string) map[string]int64 {
	r := map[string]int64{}
	for _, linha := range linhas {
		if strings.TrimSpace(linha) == "" {
			continue
		}
		status := 0
		if m := padraoStatus.FindStringSubmatch(linha); m != nil {
			status, _ = strconv.Atoi(m[1])
		}
		chave := "invalidas"
		if status >= 100 && status <= 599 {
			chave = fmt.Sprintf("%dxx", status/100)
		}
		r[chave]++
	}
	return r
}
