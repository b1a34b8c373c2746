package main

import (
	"sort"
	"strings"
)

func topIps(linhas []string, n int64) []string {
	r := []string{}
	if n <= 0 {
		return r
	}
	contagem := map[string]int{}
	for _, l := range linhas {
		campos := strings.Fields(l)
		if len(campos) == 0 {
			continue
		}
		if _, ok := contagem[campos[0]]; !ok {
			r = append(r, campos[0])
		}
		contagem[campos[0]]++
	}
	sort.Slice(r, func(i, j int) bool {
		if contagem[r[i]] != contagem[r[j]] {
			return contagem[r[i]] > contagem[r[j]]
		}
		return r[i] < r[j]
	})
	if int64(len(r)) > n {
		r = r[:n]
	}
	return r
}
