package com.dbay.lambda.imageprocessor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images made in the test, byte for byte: real files of each kind, and hostile ones. */
final class TestImages {

  private TestImages() {}

  /** Left half red, right half blue. */
  static BufferedImage halves(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, w / 2, h);
    g.setColor(Color.BLUE);
    g.fillRect(w / 2, 0, w - w / 2, h);
    g.dispose();
    return image;
  }

  static byte[] png(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(halves(w, h), "png", out);
    return out.toByteArray();
  }

  static byte[] jpeg(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(halves(w, h), "jpeg", out);
    return out.toByteArray();
  }

  /**
   * A JPEG with an EXIF block saying "rotate 90° clockwise to display" (orientation 6) and a
   * GPS-ish comment.
   */
  static byte[] jpegWithOrientation(int w, int h, int orientation) throws IOException {
    byte[] plain = jpeg(w, h);
    ByteArrayOutputStream app1 = new ByteArrayOutputStream();
    app1.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
    // Little-endian TIFF header, one IFD with one entry: Orientation (0x0112), SHORT, 1 value.
    app1.write(
        new byte[] {
          'I',
          'I',
          0x2A,
          0,
          8,
          0,
          0,
          0,
          1,
          0,
          0x12,
          0x01,
          3,
          0,
          1,
          0,
          0,
          0,
          (byte) orientation,
          0,
          0,
          0,
          0,
          0,
          0,
          0
        });
    byte[] payload = app1.toByteArray();
    int app0Length = ((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF);
    int insertAt = 4 + app0Length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, insertAt);
    out.write(0xFF);
    out.write(0xE1);
    out.write((payload.length + 2) >> 8);
    out.write((payload.length + 2) & 0xFF);
    out.write(payload);
    out.write(plain, insertAt, plain.length - insertAt);
    return out.toByteArray();
  }

  /** A 1 × 1 lossy WebP (as browsers and cameras write them). */
  static byte[] webp() {
    return Base64.getDecoder()
        .decode("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=");
  }

  /**
   * A decompression bomb: a valid PNG of {@code side} × {@code side} pixels whose every row is
   * zeros, so that it compresses to about a thousandth of what it would take decoded.
   */
  static byte[] pngBomb(int side) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(file);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream h = new DataOutputStream(ihdr);
    h.writeInt(side);
    h.writeInt(side);
    h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale
    chunk(out, "IHDR", ihdr.toByteArray());
    Deflater deflater = new Deflater(9);
    byte[] row = new byte[side + 1];
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    for (int y = 0; y < side; y++) {
      deflater.setInput(row);
      while (!deflater.needsInput()) {
        idat.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      idat.write(buffer, 0, deflater.deflate(buffer));
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return file.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    out.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
