package com.dbay.lambda.depositwatcher;

import com.dbay.dogecoin.rpc.ChainPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Where the watcher got to: the last block it finished, by height and hash. */
public interface CursorStore {

  Optional<ChainPoint> load();

  void save(ChainPoint point);

  /**
   * A file written atomically (temp file + rename), for the local runtime. In AWS the same two
   * lines would live in SSM Parameter Store or DynamoDB; that adapter is not written yet.
   */
  static CursorStore file(Path path) {
    return new CursorStore() {
      public Optional<ChainPoint> load() {
        try {
          if (!Files.exists(path)) {
            return Optional.empty();
          }
          String[] parts = Files.readString(path).trim().split(" ");
          return Optional.of(new ChainPoint(Long.parseLong(parts[0]), parts[1]));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      public void save(ChainPoint point) {
        try {
          Path parent = path.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          Path temp = Files.createTempFile(parent, "cursor", ".tmp");
          Files.writeString(temp, point.height() + " " + point.hash() + "\n");
          Files.move(
              temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
