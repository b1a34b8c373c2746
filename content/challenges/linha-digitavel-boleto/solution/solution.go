package main

import (
	"strconv"
	"strings"
)

func mod10(s string) int {
	total, peso := 0, 2
	for i := len(s) - 1; i >= 0; i-- {
		p := int(s[i]-'0') * peso
		total += p/10 + p%10
		peso = 3 - peso
	}
	return (10 - total%10) % 10
}

func mod11(s string) int {
	total, peso := 0, 2
	for i := len(s) - 1; i >= 0; i-- {
		total += int(s[i]-'0') * peso
		if peso == 9 {
			peso = 2
		} else {
			peso++
		}
	}
	dv := 11 - total%11
	if dv == 0 || dv == 10 || dv == 11 {
		return 1
	}
	return dv
}

func valorDoBoleto(linha string) int64 {
	for _, c := range linha {
		if !(c >= '0' && c <= '9') && c != '.' && c != ' ' {
			return -1
		}
	}
	d := strings.NewReplacer(".", "", " ", "").Replace(linha)
	if len(d) != 47 {
		return -1
	}
	for _, c := range [][2]int{{0, 9}, {10, 20}, {21, 31}} {
		if mod10(d[c[0]:c[1]]) != int(d[c[1]]-'0') {
			return -1
		}
	}
	semDv := d[0:4] + d[33:47] + d[4:9] + d[10:20] + d[21:31]
	if mod11(semDv) != int(d[32]-'0') {
		return -1
	}
	v, _ := strconv.ParseInt(d[37:47], 10, 64)
	return v
}
