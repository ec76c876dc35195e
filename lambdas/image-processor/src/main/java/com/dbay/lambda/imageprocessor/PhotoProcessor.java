package com.dbay.lambda.imageprocessor;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Checks one uploaded original and writes its variants: the type is sniffed from the bytes (JPEG,
 * PNG, WebP), the size and the declared pixel count are limited before decoding (so a decompression
 * bomb is refused unread), a large image is decoded subsampled (memory stays bounded), the EXIF
 * orientation is applied, and each variant is re-encoded as a JPEG without any metadata. The
 * original is then deleted: it may carry the seller's location in its EXIF. A refused upload leaves
 * nothing in the bucket. Either way the listing service is told.
 */
public class PhotoProcessor implements ImageVariants {

  /** {@code listings/<listing id>/<photo id>}, as the listing service presigns it. */
  static final Pattern ORIGINAL = Pattern.compile("listings/([0-9a-f-]{36})/([0-9a-f-]{36})");

  private final PhotoStorage storage;
  private final PhotoResults results;
  private final PhotoLimits limits;

  public PhotoProcessor(PhotoStorage storage, PhotoResults results, PhotoLimits limits) {
    this.storage = storage;
    this.results = results;
    this.limits = limits;
    ImageIO.scanForPlugins();
  }

  static String variantKey(String listingId, String photoId, int size) {
    return "variants/" + listingId + "/" + photoId + "/" + size + ".jpg";
  }

  @Override
  public void create(String bucket, String key) {
    Matcher m = ORIGINAL.matcher(key);
    if (!m.matches()) {
      // Nobody was given a URL for this key: it is not a photo of ours.
      storage.delete(bucket, key);
      return;
    }
    String listingId = m.group(1);
    String photoId = m.group(2);
    long size = storage.size(bucket, key);
    if (size < 0) {
      return; // deleted meanwhile (the seller removed the photo)
    }
    List<String> written = new ArrayList<>();
    try {
      if (size > limits.maxBytes()) {
        throw new Refused("the file is larger than " + limits.maxBytes() / (1024 * 1024) + " MB");
      }
      byte[] bytes = storage.read(bucket, key, limits.maxBytes() + 1);
      if (bytes.length > limits.maxBytes()) {
        throw new Refused("the file is larger than " + limits.maxBytes() / (1024 * 1024) + " MB");
      }
      ImageType type =
          ImageType.sniff(bytes)
              .orElseThrow(() -> new Refused("the file is not a JPEG, PNG or WebP image"));
      BufferedImage image = decode(bytes, type);
      image = oriented(image, type == ImageType.JPEG ? orientation(bytes) : 1);
      for (int side : limits.sizes()) {
        String variant = variantKey(listingId, photoId, side);
        storage.write(bucket, variant, "image/jpeg", jpeg(scaled(image, side)));
        written.add(variant);
      }
    } catch (Refused e) {
      discard(bucket, key, written);
      results.rejected(photoId, e.getMessage());
      return;
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      discard(bucket, key, written);
      results.rejected(photoId, "the image could not be read");
      return;
    }
    storage.delete(bucket, key);
    results.ready(photoId);
  }

  private void discard(String bucket, String key, List<String> written) {
    storage.delete(bucket, key);
    written.forEach(v -> storage.delete(bucket, v));
  }

  BufferedImage decode(byte[] bytes, ImageType type) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName);
      if (!readers.hasNext()) {
        throw new Refused("the " + type.formatName + " image could not be read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1
            || height < 1
            || width > limits.maxSide()
            || height > limits.maxSide()
            || width * height > limits.maxPixels()) {
          throw new Refused(
              "the image is "
                  + width
                  + " × "
                  + height
                  + " pixels; at most "
                  + limits.maxPixels() / 1_000_000
                  + " megapixels and "
                  + limits.maxSide()
                  + " px a side are accepted");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Decode no more than twice the largest variant: memory stays bounded whatever was
        // uploaded.
        int largest = limits.sizes().stream().mapToInt(Integer::intValue).max().orElse(800);
        int step = (int) Math.max(1, Math.max(width, height) / (2L * largest));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  /** The EXIF orientation tag (1–8) of a JPEG, 1 when absent or unreadable. */
  static int orientation(byte[] jpeg) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
      for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
        try (InputStream data = segment.data()) {
          byte[] exif = data.readAllBytes();
          // Writers pad the "Exif" identifier differently: the TIFF header starts at its byte order
          // mark.
          int offset = tiffStart(exif);
          if (offset < 0) {
            continue;
          }
          try (ImageInputStream tiff =
              ImageIO.createImageInputStream(
                  new ByteArrayInputStream(exif, offset, exif.length - offset))) {
            Directory dir = new TIFFReader().read(tiff);
            Entry entry = dir.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null
                && entry.getValue() instanceof Number n
                && n.intValue() >= 1
                && n.intValue() <= 8) {
              return n.intValue();
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return 1;
    }
    return 1;
  }

  private static int tiffStart(byte[] exif) {
    for (int i = 0; i + 3 < Math.min(exif.length, 16); i++) {
      if ((exif[i] == 'I' && exif[i + 1] == 'I' && exif[i + 2] == 0x2A && exif[i + 3] == 0)
          || (exif[i] == 'M' && exif[i + 1] == 'M' && exif[i + 2] == 0 && exif[i + 3] == 0x2A)) {
        return i;
      }
    }
    return -1;
  }

  /** The image turned as its EXIF orientation says, so that it stands upright without the tag. */
  static BufferedImage oriented(BufferedImage src, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return src;
    }
    int w = src.getWidth();
    int h = src.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> {
        t.translate(w, 0);
        t.scale(-1, 1);
      }
      case 3 -> {
        t.translate(w, h);
        t.rotate(Math.PI);
      }
      case 4 -> {
        t.translate(0, h);
        t.scale(1, -1);
      }
      case 5 -> {
        t.rotate(-Math.PI / 2);
        t.scale(-1, 1);
      }
      case 6 -> {
        t.translate(h, 0);
        t.rotate(Math.PI / 2);
      }
      case 7 -> {
        t.scale(-1, 1);
        t.translate(-h, 0);
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      case 8 -> {
        t.translate(0, w);
        t.rotate(3 * Math.PI / 2);
      }
      default -> {}
    }
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.drawImage(src, t, null);
    g.dispose();
    return out;
  }

  /**
   * Fits the image into a {@code side} × {@code side} box (never enlarging), on white (JPEG has no
   * transparency).
   */
  static BufferedImage scaled(BufferedImage src, int side) {
    double scale = Math.min(1.0, (double) side / Math.max(src.getWidth(), src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
    BufferedImage current = src;
    // Halving steps first: one bilinear step from far above the target drops pixels and looks
    // grainy.
    while (current.getWidth() / 2 >= w && current.getHeight() / 2 >= h) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return draw(current, w, h);
  }

  private static BufferedImage draw(BufferedImage src, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** Baseline JPEG, quality 0.85, and no metadata at all (no EXIF, no comments). */
  static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** A reason to refuse the upload that the seller may read. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason);
    }
  }
}
