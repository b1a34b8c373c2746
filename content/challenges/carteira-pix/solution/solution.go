package main

import (
	"errors"
	"fmt"
	"strings"
)

// LimiteDiario é o total de Pix que pode sair da carteira na mesma data: R$ 1.000,00 em centavos.
const LimiteDiario int64 = 100_000

// Os motivos de uma operação recusada.
var (
	ErrValorInvalido     = errors.New("valor inválido")
	ErrChaveInvalida     = errors.New("chave inválida")
	ErrSaldoInsuficiente = errors.New("saldo insuficiente")
	ErrLimiteDiario      = errors.New("limite diário excedido")
)

// CarteiraPix guarda o saldo (em centavos) e o extrato das operações aceitas.
type CarteiraPix struct {
	saldo         int64
	extrato       []string
	enviadoPorDia map[string]int64
}

// NovaCarteiraPix devolve uma carteira com saldo zero e extrato vazio.
func NovaCarteiraPix() *CarteiraPix {
	return &CarteiraPix{enviadoPorDia: map[string]int64{}}
}

// Depositar soma valor ao saldo; devolve ErrValorInvalido se valor <= 0.
func (c *CarteiraPix) Depositar(valor int64) error {
	if valor <= 0 {
		return ErrValorInvalido
	}
	c.saldo += valor
	c.extrato = append(c.extrato, fmt.Sprintf("+%d depósito", valor))
	return nil
}

// EnviarPix debita valor do saldo e o envia para chave na data (AAAA-MM-DD).
func (c *CarteiraPix) EnviarPix(chave string, valor int64, data string) error {
	switch {
	case valor <= 0:
		return ErrValorInvalido
	case strings.TrimSpace(chave) == "":
		return ErrChaveInvalida
	case valor > c.saldo:
		return ErrSaldoInsuficiente
	case c.enviadoPorDia[data]+valor > LimiteDiario:
		return ErrLimiteDiario
	}
	c.saldo -= valor
	c.enviadoPorDia[data] += valor
	c.extrato = append(c.extrato, fmt.Sprintf("-%d Pix para %s", valor, chave))
	return nil
}

// Saldo devolve o saldo atual, em centavos.
func (c *CarteiraPix) Saldo() int64 {
	return c.saldo
}

// Extrato devolve as operações aceitas, na ordem.
func (c *CarteiraPix) Extrato() []string {
	return append([]string(nil), c.extrato...)
}
