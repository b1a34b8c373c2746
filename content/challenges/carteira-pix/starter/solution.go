package main

import "errors"

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
	saldo   int64
	extrato []string
}

// NovaCarteiraPix devolve uma carteira com saldo zero e extrato vazio.
func NovaCarteiraPix() *CarteiraPix {
	return &CarteiraPix{}
}

// Depositar soma valor ao saldo; devolve ErrValorInvalido se valor <= 0.
func (c *CarteiraPix) Depositar(valor int64) error {
	// TODO: recuse valores inválidos, some ao saldo e registre "+VALOR depósito" no extrato.
	return errors.New("Depositar ainda não foi implementado")
}

// EnviarPix debita valor do saldo e o envia para chave na data (AAAA-MM-DD).
func (c *CarteiraPix) EnviarPix(chave string, valor int64, data string) error {
	// TODO: valide valor, chave, saldo e limite do dia (nessa ordem), debite e registre no extrato.
	return errors.New("EnviarPix ainda não foi implementado")
}

// Saldo devolve o saldo atual, em centavos.
func (c *CarteiraPix) Saldo() int64 {
	return c.saldo
}

// Extrato devolve as operações aceitas, na ordem.
func (c *CarteiraPix) Extrato() []string {
	return append([]string(nil), c.extrato...)
}
