package main

import "strings"

var regioesUfs = []string{"SP RJ MG ES", "PR SC RS", "DF GO MT MS", "BA SE AL PE PB RN CE PI MA", "AM PA AC RO RR AP TO"}
var regioesBase = []int64{1590, 1890, 2190, 2490, 2990}
var regioesAdicional = []int64{350, 450, 550, 650, 800}

func calcularFrete(pesoGramas int64, uf string, valorProdutosCentavos int64) int64 {
	if pesoGramas <= 0 {
		return -1
	}
	for i, ufs := range regioesUfs {
		for _, u := range strings.Fields(ufs) {
			if u == strings.ToUpper(uf) {
				if i == 0 && valorProdutosCentavos >= 29900 {
					return 0
				}
				quilos := (pesoGramas + 999) / 1000
				return regioesBase[i] + (quilos-1)*regioesAdicional[i]
			}
		}
	}
	return -1
}
