import com.dbay.platform.identity.GatewayProof;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.servicecall.ServiceCallSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/**
 * Prints curl -H arguments, one a line.
 *   proof <secret> <userId> <roles,> <METHOD> <path?query>      gateway proof minted with <secret>
 *   call <caller> <keyfile> <METHOD> <url> <body>                service-call signature as <caller>
 */
public class Sign {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("proof")) {
      GatewayProof proof = new GatewayProof(a[1]);
      Set<String> roles = Set.of(a[3].split(","));
      Identity id = new Identity(a[2], null, a[2], a[2] + "@demo.dbay", roles);
      URI t = URI.create(a[5]);
      long now = proof.now();
      String sig = proof.sign(id, a[4], GatewayProof.target(t.getRawPath(), t.getRawQuery()), now);
      p("X-User-ID: " + a[2]);
      p("X-Cognito-Username: " + a[2]);
      p("X-Cognito-Email: " + a[2] + "@demo.dbay");
      p("X-User-Roles: " + a[3]);
      p("X-Gateway-Timestamp: " + now);
      p("X-Gateway-Signature: " + sig);
    } else {
      byte[] key = Base64.getDecoder().decode(Files.readString(Path.of(a[2])).strip());
      ServiceCallSigner s = new ServiceCallSigner(a[1], key, Clock.systemUTC());
      s.headers(a[3], URI.create(a[4]), a.length > 5 ? a[5].getBytes(StandardCharsets.UTF_8) : new byte[0])
          .forEach((k, v) -> p(k + ": " + v));
    }
  }

  static void p(String header) {
    System.out.println("-H");
    System.out.println(header);
  }
}
