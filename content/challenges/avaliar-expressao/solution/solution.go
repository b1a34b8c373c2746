package main

import (
	"errors"
	"strconv"
)

type calc struct {
	tokens []string
	pos    int
}

var errInvalida = errors.New("inválida")

func (c *calc) olhar() string {
	if c.pos < len(c.tokens) {
		return c.tokens[c.pos]
	}
	return ""
}

func (c *calc) expr() int64 {
	v := c.termo()
	for c.olhar() == "+" || c.olhar() == "-" {
		c.pos++
		if c.tokens[c.pos-1] == "+" {
			v += c.termo()
		} else {
			v -= c.termo()
		}
	}
	return v
}

func (c *calc) termo() int64 {
	v := c.fator()
	for c.olhar() == "*" || c.olhar() == "/" {
		c.pos++
		op := c.tokens[c.pos-1]
		d := c.fator()
		if op == "*" {
			v *= d
		} else {
			if d == 0 {
				panic(errInvalida)
			}
			v /= d
		}
	}
	return v
}

func (c *calc) fator() int64 {
	t := c.olhar()
	switch {
	case t == "-":
		c.pos++
		return -c.fator()
	case t == "(":
		c.pos++
		v := c.expr()
		if c.olhar() != ")" {
			panic(errInvalida)
		}
		c.pos++
		return v
	case t != "" && t[0] >= '0' && t[0] <= '9':
		c.pos++
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			panic(errInvalida)
		}
		return n
	}
	panic(errInvalida)
}

func avaliar(expressao string) (resultado *int64) {
	c := &calc{}
	for i := 0; i < len(expressao); {
		ch := expressao[i]
		switch {
		case ch == ' ':
			i++
		case ch >= '0' && ch <= '9':
			j := i
			for j < len(expressao) && expressao[j] >= '0' && expressao[j] <= '9' {
				j++
			}
			c.tokens = append(c.tokens, expressao[i:j])
			i = j
		case ch == '+' || ch == '-' || ch == '*' || ch == '/' || ch == '(' || ch == ')':
			c.tokens = append(c.tokens, string(ch))
			i++
		default:
			return nil
		}
	}
	defer func() {
		if r := recover(); r != nil {
			if r != errInvalida {
				panic(r)
			}
			resultado = nil
		}
	}()
	v := c.expr()
	if c.pos != len(c.tokens) {
		return nil
	}
	return &v
}
