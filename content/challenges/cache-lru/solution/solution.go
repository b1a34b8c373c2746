package main

import (
	"container/list"
	"strconv"
	"strings"
)

type entrada struct {
	chave string
	valor int64
}

func simularCache(capacidade int64, operacoes []string) []int64 {
	ordem := list.New()
	itens := map[string]*list.Element{}
	r := []int64{}
	for _, op := range operacoes {
		p := strings.Split(op, ":")
		if p[0] == "get" {
			if e, ok := itens[p[1]]; ok {
				ordem.MoveToFront(e)
				r = append(r, e.Value.(*entrada).valor)
			} else {
				r = append(r, -1)
			}
			continue
		}
		if capacidade < 1 {
			continue
		}
		v, _ := strconv.ParseInt(p[2], 10, 64)
		if e, ok := itens[p[1]]; ok {
			e.Value.(*entrada).valor = v
			ordem.MoveToFront(e)
			continue
		}
		itens[p[1]] = ordem.PushFront(&entrada{p[1], v})
		if int64(ordem.Len()) > capacidade {
			ultimo := ordem.Back()
			ordem.Remove(ultimo)
			delete(itens, ultimo.Value.(*entrada).chave)
		}
	}
	return r
}
