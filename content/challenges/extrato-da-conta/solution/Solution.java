import java.io.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringBuilder saida = new StringBuilder();
        long saldo = 0;
        int n = 0;
        String linha;
        while ((linha = in.readLine()) != null) {
            String[] partes = linha.trim().split("\\s+");
            if (partes[0].isEmpty()) continue;
            n++;
            long valor = Long.parseLong(partes[1]);
            if (partes[0].equals("C")) saldo += valor;
            else {
                saldo -= valor;
                if (saldo < 0) saida.append("ALERTA ").append(n).append('\n');
            }
        }
        saida.append("SALDO ").append(saldo).append('\n');
        System.out.print(saida);
    }
}
