package com.dbay.lambda.imageprocessor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoProcessorTest {

  static final String BUCKET = "dbay-images";
  final String listingId = UUID.randomUUID().toString();
  final String photoId = UUID.randomUUID().toString();
  final String key = "listings/" + listingId + "/" + photoId;
  final InMemoryStorage storage = new InMemoryStorage();
  final List<String> reports = new ArrayList<>();
  final PhotoProcessor processor =
      new PhotoProcessor(
          storage,
          new PhotoResults() {
            @Override
            public void ready(String id) {
              reports.add("ready " + id);
            }

            @Override
            public void rejected(String id, String reason) {
              reports.add("rejected " + id + ": " + reason);
            }
          },
          PhotoLimits.defaults());

  @Test
  void
      a_png_becomes_three_jpeg_variants_fitted_into_96_300_and_800_pixels_and_the_original_is_deleted()
          throws IOException {
    storage.write(BUCKET, key, "image/png", TestImages.png(1200, 900));

    processor.create(BUCKET, key);

    assertThat(reports).containsExactly("ready " + photoId);
    assertThat(storage.objects.keySet())
        .containsExactlyInAnyOrder(variant(96), variant(300), variant(800));
    assertThat(dimensions(variant(800))).isEqualTo("800x600");
    assertThat(dimensions(variant(300))).isEqualTo("300x225");
    assertThat(dimensions(variant(96))).isEqualTo("96x72");
    assertThat(ImageType.sniff(storage.objects.get(variant(300)))).contains(ImageType.JPEG);
  }

  @Test
  void a_small_image_is_never_enlarged() throws IOException {
    storage.write(BUCKET, key, "image/jpeg", TestImages.jpeg(200, 100));

    processor.create(BUCKET, key);

    assertThat(dimensions(variant(800))).isEqualTo("200x100");
    assertThat(dimensions(variant(96))).isEqualTo("96x48");
  }

  @Test
  void the_exif_orientation_is_applied_and_no_exif_is_left_in_the_variants() throws IOException {
    byte[] upload = TestImages.jpegWithOrientation(400, 200, 6);
    assertThat(PhotoProcessor.orientation(upload)).isEqualTo(6);
    storage.write(BUCKET, key, "image/jpeg", upload);

    processor.create(BUCKET, key);

    assertThat(reports).containsExactly("ready " + photoId);
    // Turned a quarter clockwise: the landscape original stands upright, red (its left half) on
    // top.
    assertThat(dimensions(variant(300))).isEqualTo("150x300");
    BufferedImage upright =
        ImageIO.read(new ByteArrayInputStream(storage.objects.get(variant(300))));
    assertThat(new java.awt.Color(upright.getRGB(75, 40)).getRed()).isGreaterThan(200);
    assertThat(new java.awt.Color(upright.getRGB(75, 260)).getBlue()).isGreaterThan(200);
    assertThat(new String(storage.objects.get(variant(300)), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif");
    assertThat(PhotoProcessor.orientation(storage.objects.get(variant(300)))).isEqualTo(1);
  }

  @Test
  void a_webp_is_read_and_turned_into_jpeg_variants() {
    storage.write(BUCKET, key, "image/webp", TestImages.webp());

    processor.create(BUCKET, key);

    assertThat(reports).containsExactly("ready " + photoId);
    assertThat(storage.objects).containsKey(variant(96));
  }

  @Test
  void a_file_that_is_not_an_image_is_refused_and_nothing_of_it_stays_in_the_bucket() {
    storage.write(
        BUCKET,
        key,
        "image/jpeg",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));

    processor.create(BUCKET, key);

    assertThat(reports)
        .containsExactly("rejected " + photoId + ": the file is not a JPEG, PNG or WebP image");
    assertThat(storage.objects).isEmpty();
  }

  @Test
  void a_decompression_bomb_is_refused_by_its_declared_size_before_it_is_decoded()
      throws IOException {
    byte[] bomb = TestImages.pngBomb(10_000);
    assertThat(bomb.length).isLessThan(200_000); // 100 megapixels in under 200 KB
    storage.write(BUCKET, key, "image/png", bomb);

    long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    processor.create(BUCKET, key);

    assertThat(reports)
        .singleElement()
        .asString()
        .startsWith("rejected " + photoId + ": the image is 10000 × 10000 pixels");
    assertThat(storage.objects).isEmpty();
    long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    assertThat(after - before).isLessThan(100L * 1024 * 1024);
  }

  @Test
  void a_file_larger_than_the_limit_is_refused_unread() {
    storage.write(BUCKET, key, "image/jpeg", new byte[(int) PhotoLimits.defaults().maxBytes() + 1]);

    processor.create(BUCKET, key);

    assertThat(reports).containsExactly("rejected " + photoId + ": the file is larger than 10 MB");
    assertThat(storage.objects).isEmpty();
  }

  @Test
  void a_broken_image_with_a_valid_signature_is_refused_and_removed() throws IOException {
    byte[] jpeg = TestImages.jpeg(300, 300);
    byte[] broken = java.util.Arrays.copyOf(jpeg, 40);
    storage.write(BUCKET, key, "image/jpeg", broken);

    processor.create(BUCKET, key);

    assertThat(reports).containsExactly("rejected " + photoId + ": the image could not be read");
    assertThat(storage.objects).isEmpty();
  }

  @Test
  void an_object_under_a_key_nobody_was_given_is_deleted_without_a_report() throws IOException {
    storage.write(BUCKET, "listings/42/red bike.jpg", "image/png", TestImages.png(10, 10));

    processor.create(BUCKET, "listings/42/red bike.jpg");

    assertThat(reports).isEmpty();
    assertThat(storage.objects).isEmpty();
  }

  private String variant(int size) {
    return BUCKET + "/" + PhotoProcessor.variantKey(listingId, photoId, size);
  }

  private String dimensions(String object) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(storage.objects.get(object)));
    return image.getWidth() + "x" + image.getHeight();
  }
}
