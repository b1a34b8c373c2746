package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	leitor := bufio.NewScanner(os.Stdin)
	saida := bufio.NewWriter(os.Stdout)
	defer saida.Flush()
	var saldo int64
	n := 0
	for leitor.Scan() {
		partes := strings.Fields(leitor.Text())
		if len(partes) == 0 {
			continue
		}
		n++
		valor, _ := strconv.ParseInt(partes[1], 10, 64)
		if partes[0] == "C" {
			saldo += valor
		} else {
			saldo -= valor
			if saldo < 0 {
				fmt.Fprintf(saida, "ALERTA %d\n", n)
			}
		}
	}
	fmt.Fprintf(saida, "SALDO %d\n", saldo)
}
