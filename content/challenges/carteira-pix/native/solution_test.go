package main

import (
	"errors"
	"reflect"
	"testing"
)

const (
	maria = "maria@exemplo.com"
	dia   = "2024-03-01"
)

// Cada mensagem diz qual chamada falhou (go test não repete o nome do caso de t.Run na mensagem).

func deposita(t *testing.T, c *CarteiraPix, valor int64) {
	t.Helper()
	if err := c.Depositar(valor); err != nil {
		t.Fatalf("Depositar(%d): recusado com %q", valor, err)
	}
}

func enviaPix(t *testing.T, c *CarteiraPix, chave string, valor int64, data string) {
	t.Helper()
	if err := c.EnviarPix(chave, valor, data); err != nil {
		t.Fatalf("EnviarPix(%q, %d, %q): recusado com %q", chave, valor, data, err)
	}
}

func recusaDeposito(t *testing.T, c *CarteiraPix, valor int64, esperado error) {
	t.Helper()
	if err := c.Depositar(valor); !errors.Is(err, esperado) {
		t.Errorf("Depositar(%d): erro = %v, esperado %q", valor, err, esperado)
	}
}

func recusaPix(t *testing.T, c *CarteiraPix, chave string, valor int64, data string, esperado error) {
	t.Helper()
	if err := c.EnviarPix(chave, valor, data); !errors.Is(err, esperado) {
		t.Errorf("EnviarPix(%q, %d, %q): erro = %v, esperado %q", chave, valor, data, err, esperado)
	}
}

func exigeSaldo(t *testing.T, c *CarteiraPix, esperado int64) {
	t.Helper()
	if s := c.Saldo(); s != esperado {
		t.Errorf("Saldo() = %d, esperado %d", s, esperado)
	}
}

func exigeExtrato(t *testing.T, c *CarteiraPix, esperado ...string) {
	t.Helper()
	if e := c.Extrato(); len(e) != len(esperado) || (len(e) > 0 && !reflect.DeepEqual(e, esperado)) {
		t.Errorf("Extrato() = %q, esperado %q", e, esperado)
	}
}

// depósitos somam no saldo, a partir do zero
func TestDepositosSomamNoSaldo(t *testing.T) {
	c := NovaCarteiraPix()
	exigeSaldo(t, c, 0)
	exigeExtrato(t, c)
	deposita(t, c, 15000)
	deposita(t, c, 3_000_000_000) // acima de 2^31 centavos
	exigeSaldo(t, c, 3_000_015_000)
	exigeExtrato(t, c, "+15000 depósito", "+3000000000 depósito")
}

// valor zero ou negativo é recusado com "valor inválido"
func TestValorInvalido(t *testing.T) {
	for _, valor := range []int64{0, -1} {
		c := NovaCarteiraPix()
		deposita(t, c, 50000)
		recusaDeposito(t, c, valor, ErrValorInvalido)
		recusaPix(t, c, maria, valor, dia, ErrValorInvalido)
		recusaPix(t, c, "", valor, dia, ErrValorInvalido)
		exigeSaldo(t, c, 50000)
		exigeExtrato(t, c, "+50000 depósito")
	}
}

// Pix debita o saldo e entra no extrato, na ordem
func TestPixDebitaOSaldo(t *testing.T) {
	c := NovaCarteiraPix()
	deposita(t, c, 50000)
	enviaPix(t, c, maria, 12550, dia)
	exigeSaldo(t, c, 37450)
	deposita(t, c, 1000)
	enviaPix(t, c, "+5511987654321", 38450, dia) // todo o saldo
	exigeSaldo(t, c, 0)
	exigeExtrato(t, c,
		"+50000 depósito",
		"-12550 Pix para maria@exemplo.com",
		"+1000 depósito",
		"-38450 Pix para +5511987654321")
}

// Pix acima do saldo é recusado com "saldo insuficiente", mesmo passando do limite
func TestSaldoInsuficiente(t *testing.T) {
	c := NovaCarteiraPix()
	deposita(t, c, 50000)
	recusaPix(t, c, maria, 50001, dia, ErrSaldoInsuficiente)
	recusaPix(t, c, maria, 150000, dia, ErrSaldoInsuficiente)
	exigeSaldo(t, c, 50000)
	exigeExtrato(t, c, "+50000 depósito")
}

// chave vazia ou só com espaços é recusada com "chave inválida"
func TestChaveInvalida(t *testing.T) {
	c := NovaCarteiraPix() // sem saldo: a chave é verificada antes do saldo
	recusaPix(t, c, "", 5000, dia, ErrChaveInvalida)
	recusaPix(t, c, "   ", 5000, dia, ErrChaveInvalida)
	exigeExtrato(t, c)
}

// limite diário de R$ 1.000,00 somando os Pix do mesmo dia
func TestLimiteDiario(t *testing.T) {
	casos := []struct {
		nome              string
		primeiro, segundo int64
		data              string
		aceito            bool
	}{
		{"soma exata de R$ 1.000,00 no dia é aceita", 60000, 40000, dia, true},
		{"um centavo acima do limite é recusado", 60000, 40001, dia, false},
		{"no dia seguinte o limite recomeça", 100000, 100000, "2024-03-02", true},
	}
	for _, caso := range casos {
		t.Run(caso.nome, func(t *testing.T) {
			c := NovaCarteiraPix()
			deposita(t, c, 500000)
			if err := c.EnviarPix(maria, caso.primeiro, dia); err != nil {
				t.Fatalf("%s: o primeiro Pix, de %d em %s, foi recusado com %q", caso.nome, caso.primeiro, dia, err)
			}
			err := c.EnviarPix(maria, caso.segundo, caso.data)
			esperado := 500000 - caso.primeiro
			switch {
			case caso.aceito && err != nil:
				t.Errorf("%s: o Pix de %d em %s foi recusado com %q", caso.nome, caso.segundo, caso.data, err)
			case caso.aceito:
				esperado -= caso.segundo
			case !errors.Is(err, ErrLimiteDiario):
				t.Errorf("%s: o Pix de %d em %s deu erro = %v, esperado %q", caso.nome, caso.segundo, caso.data, err, ErrLimiteDiario)
			}
			if s := c.Saldo(); s != esperado {
				t.Errorf("%s: Saldo() = %d, esperado %d", caso.nome, s, esperado)
			}
		})
	}
}

// Pix recusado pelo limite não muda saldo, extrato nem o limite usado
func TestRecusadoNaoConsomeLimite(t *testing.T) {
	c := NovaCarteiraPix()
	deposita(t, c, 200000)
	enviaPix(t, c, maria, 90000, dia)
	recusaPix(t, c, maria, 20000, dia, ErrLimiteDiario)
	exigeSaldo(t, c, 110000)
	exigeExtrato(t, c, "+200000 depósito", "-90000 Pix para maria@exemplo.com")
	enviaPix(t, c, maria, 10000, dia) // completa exatamente R$ 1.000,00
	exigeSaldo(t, c, 100000)
	recusaPix(t, c, maria, 1, dia, ErrLimiteDiario)
}
