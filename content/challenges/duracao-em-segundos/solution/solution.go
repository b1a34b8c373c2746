package main

import (
	"regexp"
	"strconv"
)

var padraoDuracao = regexp.MustCompile(`^(?:(\d{1,6})d)?(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?$`)

func duracaoEmSegundos(texto string) int64 {
	m := padraoDuracao.FindStringSubmatch(texto)
	if texto == "" || m == nil {
		return -1
	}
	pesos := []int64{86400, 3600, 60, 1}
	var total int64
	for i, p := range pesos {
		if m[i+1] != "" {
			n, _ := strconv.ParseInt(m[i+1], 10, 64)
			total += n * p
		}
	}
	return total
}
