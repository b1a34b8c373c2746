const test = require("node:test");
const assert = require("node:assert/strict");
const { CarteiraPix, OperacaoRecusada } = require("./solution.js");

const MARIA = "maria@exemplo.com";
const DIA = "2024-03-01";

// contexto: o caso do laço, para a mensagem de falha dizer qual foi.
function assertRecusada(mensagem, operacao, contexto = "") {
  assert.throws(operacao, (erro) => {
    assert.ok(erro instanceof OperacaoRecusada, `${contexto}esperada OperacaoRecusada("${mensagem}"), lançado ${erro}`);
    assert.equal(erro.message, mensagem, `${contexto}recusada com "${erro.message}", esperado "${mensagem}"`);
    return true;
  }, `${contexto}esperada OperacaoRecusada("${mensagem}"), nada foi lançado`);
}

function assertAceita(operacao, contexto) {
  assert.doesNotThrow(operacao, `${contexto}a operação foi recusada`);
}

test("depósitos somam no saldo, a partir do zero", () => {
  const carteira = new CarteiraPix();
  assert.equal(carteira.saldo(), 0);
  assert.deepEqual(carteira.extrato(), []);
  carteira.depositar(15000);
  carteira.depositar(3_000_000_000); // acima de 2^31 centavos
  assert.equal(carteira.saldo(), 3_000_015_000);
  assert.deepEqual(carteira.extrato(), ["+15000 depósito", "+3000000000 depósito"]);
});

test('valor zero ou negativo é recusado com "valor inválido"', () => {
  for (const valor of [0, -1]) {
    const carteira = new CarteiraPix();
    carteira.depositar(50000);
    assertRecusada("valor inválido", () => carteira.depositar(valor), `depositar(${valor}): `);
    assertRecusada("valor inválido", () => carteira.enviarPix(MARIA, valor, DIA), `enviarPix(MARIA, ${valor}, DIA): `);
    assertRecusada("valor inválido", () => carteira.enviarPix("", valor, DIA), `enviarPix("", ${valor}, DIA): `);
    assert.equal(carteira.saldo(), 50000);
    assert.deepEqual(carteira.extrato(), ["+50000 depósito"]);
  }
});

test("Pix debita o saldo e entra no extrato, na ordem", () => {
  const carteira = new CarteiraPix();
  carteira.depositar(50000);
  carteira.enviarPix(MARIA, 12550, DIA);
  assert.equal(carteira.saldo(), 37450);
  carteira.depositar(1000);
  carteira.enviarPix("+5511987654321", 38450, DIA); // todo o saldo
  assert.equal(carteira.saldo(), 0);
  assert.deepEqual(carteira.extrato(), [
    "+50000 depósito",
    "-12550 Pix para maria@exemplo.com",
    "+1000 depósito",
    "-38450 Pix para +5511987654321",
  ]);
});

test('Pix acima do saldo é recusado com "saldo insuficiente", mesmo passando do limite', () => {
  const carteira = new CarteiraPix();
  carteira.depositar(50000);
  assertRecusada("saldo insuficiente", () => carteira.enviarPix(MARIA, 50001, DIA));
  assertRecusada("saldo insuficiente", () => carteira.enviarPix(MARIA, 150000, DIA));
  assert.equal(carteira.saldo(), 50000);
  assert.deepEqual(carteira.extrato(), ["+50000 depósito"]);
});

test('chave vazia ou só com espaços é recusada com "chave inválida"', () => {
  const carteira = new CarteiraPix(); // sem saldo: a chave é verificada antes do saldo
  assertRecusada("chave inválida", () => carteira.enviarPix("", 5000, DIA));
  assertRecusada("chave inválida", () => carteira.enviarPix("   ", 5000, DIA));
  assert.deepEqual(carteira.extrato(), []);
});

test("limite diário de R$ 1.000,00 somando os Pix do mesmo dia", () => {
  const casos = [
    { nome: "soma exata de R$ 1.000,00 no dia é aceita", primeiro: 60000, data: DIA, segundo: 40000, aceito: true },
    { nome: "um centavo acima do limite é recusado", primeiro: 60000, data: DIA, segundo: 40001, aceito: false },
    { nome: "no dia seguinte o limite recomeça", primeiro: 100000, data: "2024-03-02", segundo: 100000, aceito: true },
  ];
  for (const { nome, primeiro, data, segundo, aceito } of casos) {
    const carteira = new CarteiraPix();
    carteira.depositar(500000);
    assertAceita(() => carteira.enviarPix(MARIA, primeiro, DIA), `${nome}: enviarPix(MARIA, ${primeiro}, "${DIA}"): `);
    let esperado = 500000 - primeiro;
    if (aceito) {
      assertAceita(() => carteira.enviarPix(MARIA, segundo, data), `${nome}: enviarPix(MARIA, ${segundo}, "${data}"): `);
      esperado -= segundo;
    } else {
      assertRecusada("limite diário excedido", () => carteira.enviarPix(MARIA, segundo, data), `${nome}: `);
    }
    assert.equal(carteira.saldo(), esperado, `${nome}: saldo() = ${carteira.saldo()}, esperado ${esperado}`);
  }
});

test("Pix recusado pelo limite não muda saldo, extrato nem o limite usado", () => {
  const carteira = new CarteiraPix();
  carteira.depositar(200000);
  carteira.enviarPix(MARIA, 90000, DIA);
  assertRecusada("limite diário excedido", () => carteira.enviarPix(MARIA, 20000, DIA));
  assert.equal(carteira.saldo(), 110000);
  assert.deepEqual(carteira.extrato(), ["+200000 depósito", "-90000 Pix para maria@exemplo.com"]);
  carteira.enviarPix(MARIA, 10000, DIA); // completa exatamente R$ 1.000,00
  assert.equal(carteira.saldo(), 100000);
  assertRecusada("limite diário excedido", () => carteira.enviarPix(MARIA, 1, DIA));
});
