package com.dbay.listing.photo;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.dbay.lambda.imageprocessor.HttpPhotoResults;
import com.dbay.lambda.imageprocessor.ImageProcessorHandler;
import com.dbay.lambda.imageprocessor.PhotoLimits;
import com.dbay.lambda.imageprocessor.PhotoProcessor;
import com.dbay.lambda.imageprocessor.S3PhotoStorage;
import com.dbay.listing.support.ListingServiceIT;
import com.dbay.platform.identity.Identity;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole photo path against the real S3-API server: the seller gets a presigned URL, the bytes
 * go straight to the store, image-processor (the function's own classes, its real S3 and HTTP
 * adapters) checks them and writes the variants, listing-service learns the outcome over its
 * internal endpoint.
 */
class PhotoUploadIT extends ListingServiceIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Autowired ObjectStore store;

  final Identity seller = user("photographer");

  @Test
  void
      an_uploaded_photo_becomes_ready_with_its_variants_and_the_listing_and_search_show_its_thumbnail()
          throws Exception {
    String id = createPublished(phoneAuction(), seller);

    String photoId = upload(id, "image/png", png(1600, 1200));
    process(id, photoId);

    JsonNode status = get("/api/v1/listing/photos/" + photoId, seller).json();
    assertThat(status.path("status").asString()).isEqualTo("ready");
    JsonNode page = get("/api/v1/listing/listings/" + id, user("buyer")).json();
    assertThat(page.path("photos").findValuesAsString("id")).containsExactly(photoId);
    String thumbnail = page.path("thumbnailUrl").asString();
    assertThat(thumbnail).isEqualTo("/api/v1/listing/photos/" + photoId + "/300.jpg");

    Answer image = get(thumbnail, null);
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.contentType()).isEqualTo("image/jpeg");
    byte[] bytes = getBytes(thumbnail);
    BufferedImage variant = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(variant.getWidth()).isEqualTo(300);
    assertThat(variant.getHeight()).isEqualTo(225);

    assertThat(store.keysUnder("listings/" + id + "/"))
        .as("the original (with its metadata) is gone")
        .isEmpty();
    assertThat(store.keysUnder("variants/" + id + "/")).hasSize(3);
    List<Map.Entry<String, JsonNode>> events = events(id);
    assertThat(events.getLast().getKey()).isEqualTo("ListingChanged");
    assertThat(events.getLast().getValue().path("thumbnailUrl").asString()).isEqualTo(thumbnail);
  }

  @Test
  void a_file_that_is_not_an_image_is_refused_and_nothing_stays_in_the_bucket() throws Exception {
    String id = createDraft(phoneAuction(), seller);

    String photoId =
        upload(
            id, "image/jpeg", "%PDF-1.7 not a picture at all".getBytes(StandardCharsets.US_ASCII));
    process(id, photoId);

    JsonNode status = get("/api/v1/listing/photos/" + photoId, seller).json();
    assertThat(status.path("status").asString()).isEqualTo("rejected");
    assertThat(status.path("rejectReason").asString()).contains("not a JPEG, PNG or WebP");
    assertThat(store.keysUnder("listings/" + id + "/")).isEmpty();
    assertThat(store.keysUnder("variants/" + id + "/")).isEmpty();
    assertThat(get("/api/v1/listing/listings/" + id, seller).json().path("photos")).isEmpty();
  }

  @Test
  void a_decompression_bomb_is_refused_and_nothing_stays_in_the_bucket() throws Exception {
    String id = createDraft(phoneAuction(), seller);

    String photoId = upload(id, "image/png", pngBomb(10_000));
    process(id, photoId);

    JsonNode status = get("/api/v1/listing/photos/" + photoId, seller).json();
    assertThat(status.path("status").asString()).isEqualTo("rejected");
    assertThat(status.path("rejectReason").asString()).contains("10000 × 10000");
    assertThat(store.keysUnder("listings/" + id + "/")).isEmpty();
    assertThat(store.keysUnder("variants/" + id + "/")).isEmpty();
  }

  @Test
  void
      a_file_above_the_size_limit_gets_no_upload_url_and_the_store_refuses_more_bytes_than_declared()
          throws Exception {
    String id = createDraft(phoneAuction(), seller);

    Answer tooLarge =
        post(
            "/api/v1/listing/listings/" + id + "/photos",
            Map.of("contentType", "image/jpeg", "size", 11L * 1024 * 1024),
            seller);
    assertThat(tooLarge.status()).isEqualTo(422);
    assertThat(tooLarge.json().path("errors").findValuesAsString("field")).containsExactly("size");

    Answer slot =
        post(
            "/api/v1/listing/listings/" + id + "/photos",
            Map.of("contentType", "image/png", "size", 100),
            seller);
    byte[] more = png(400, 400);
    assertThat(more.length).isGreaterThan(100);
    HttpResponse<String> put = putTo(slot.json(), more);
    assertThat(put.statusCode())
        .as("a presigned URL is for the declared length only")
        .isGreaterThanOrEqualTo(400);
    assertThat(store.keysUnder("listings/" + id + "/")).isEmpty();
  }

  @Test
  void a_type_other_than_jpeg_png_or_webp_is_refused_before_upload() {
    String id = createDraft(phoneAuction(), seller);

    Answer svg =
        post(
            "/api/v1/listing/listings/" + id + "/photos",
            Map.of("contentType", "image/svg+xml", "size", 100),
            seller);

    assertThat(svg.status()).isEqualTo(422);
    assertThat(svg.json().path("errors").findValuesAsString("field"))
        .containsExactly("contentType");
  }

  @Test
  void a_thirteenth_photo_is_refused() {
    String id = createDraft(phoneAuction(), seller);
    for (int i = 0; i < 12; i++) {
      assertThat(
              post(
                      "/api/v1/listing/listings/" + id + "/photos",
                      Map.of("contentType", "image/jpeg", "size", 1000),
                      seller)
                  .status())
          .isEqualTo(201);
    }

    Answer thirteenth =
        post(
            "/api/v1/listing/listings/" + id + "/photos",
            Map.of("contentType", "image/jpeg", "size", 1000),
            seller);

    assertThat(thirteenth.status()).isEqualTo(422);
    assertThat(thirteenth.json().path("errors").findValuesAsString("field"))
        .containsExactly("photos");
    assertThat(count("select count(*) from photo where listing_id = ?::uuid", id)).isEqualTo(12);
  }

  @Test
  void nobody_but_the_seller_adds_sees_the_status_of_or_deletes_a_photo() throws Exception {
    String id = createPublished(phoneAuction(), seller);
    String photoId = upload(id, "image/png", png(50, 50));
    process(id, photoId);
    Identity other = user("other");

    assertThat(
            post(
                    "/api/v1/listing/listings/" + id + "/photos",
                    Map.of("contentType", "image/png", "size", 10),
                    other)
                .status())
        .isEqualTo(403);
    assertThat(get("/api/v1/listing/photos/" + photoId, other).status()).isEqualTo(404);
    assertThat(delete("/api/v1/listing/photos/" + photoId, other).status()).isEqualTo(403);
    assertThat(store.keysUnder("variants/" + id + "/")).hasSize(3);

    assertThat(delete("/api/v1/listing/photos/" + photoId, seller).status()).isEqualTo(204);
    assertThat(store.keysUnder("variants/" + id + "/")).isEmpty();
    assertThat(get("/api/v1/listing/listings/" + id, other).json().path("photos")).isEmpty();
  }

  @Test
  void only_image_processor_reports_photo_results() {
    String id = createDraft(phoneAuction(), seller);
    Answer slot =
        post(
            "/api/v1/listing/listings/" + id + "/photos",
            Map.of("contentType", "image/png", "size", 10),
            seller);
    String photoId = slot.json().path("photoId").asString();

    String result = "/api/v1/listing/internal/photos/" + photoId + "/result";
    String ready = "{\"status\":\"ready\"}";
    Answer forged =
        send("POST", result, ready, seller, signedAs("search-service", "POST", result, ready));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(get("/api/v1/listing/photos/" + photoId, seller).json().path("status").asString())
        .isEqualTo("pending");
  }

  /** Asks for an upload slot and PUTs the bytes to the presigned URL, as the browser does. */
  private String upload(String listingId, String contentType, byte[] bytes) throws Exception {
    Answer slot =
        post(
            "/api/v1/listing/listings/" + listingId + "/photos",
            Map.of("contentType", contentType, "size", bytes.length),
            seller);
    assertThat(slot.status()).as(slot.body()).isEqualTo(201);
    assertThat(slot.json().path("uploadUrl").asString())
        .startsWith(System.getenv("DBAY_S3_ENDPOINT"));
    HttpResponse<String> put = putTo(slot.json(), bytes);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return slot.json().path("photoId").asString();
  }

  private static HttpResponse<String> putTo(JsonNode slot, byte[] bytes) throws Exception {
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(slot.path("uploadUrl").asString()))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
    for (Map.Entry<String, JsonNode> h : slot.path("headers").properties()) {
      if (!h.getKey().equalsIgnoreCase("content-length")) { // the client sets it from the body
        put.header(h.getKey(), h.getValue().asString());
      }
    }
    try {
      return HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      return new FailedResponse(e);
    }
  }

  /**
   * What the local runtime does when it sees the new object: image-processor with its real
   * adapters.
   */
  private void process(String listingId, String photoId) {
    S3PhotoStorage storage =
        S3PhotoStorage.of(
            System.getenv("DBAY_S3_ENDPOINT"),
            "us-east-1",
            System.getenv("DBAY_S3_ACCESS_KEY"),
            System.getenv("DBAY_S3_SECRET_KEY"));
    var handler =
        new ImageProcessorHandler(
            new PhotoProcessor(
                storage,
                new HttpPhotoResults(
                    "http://127.0.0.1:" + port, () -> CALLERS.signer("image-processor")),
                PhotoLimits.defaults()));
    String key = "listings/" + listingId + "/" + photoId;
    var entity =
        new S3EventNotification.S3Entity(
            "local",
            new S3EventNotification.S3BucketEntity(store.bucket(), null, null),
            new S3EventNotification.S3ObjectEntity(key, 1L, "etag", null, "1"),
            "1.0");
    var record =
        new S3EventNotification.S3EventNotificationRecord(
            "us-east-1",
            "ObjectCreated:Put",
            "aws:s3",
            java.time.Instant.now().toString(),
            "2.1",
            null,
            null,
            entity,
            null);
    List<String> processed = handler.handleRequest(new S3Event(List.of(record)), null);
    assertThat(processed).containsExactly(key);
  }

  private byte[] getBytes(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  static byte[] png(int w, int h) throws Exception {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** 100 megapixels of zeros in a valid PNG of about 100 KB. */
  static byte[] pngBomb(int side) throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(file);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    java.nio.ByteBuffer ihdr =
        java.nio.ByteBuffer.allocate(13).putInt(side).putInt(side).put(new byte[] {8, 0, 0, 0, 0});
    chunk(out, "IHDR", ihdr.array());
    Deflater deflater = new Deflater(9);
    byte[] row = new byte[side + 1];
    byte[] buffer = new byte[65536];
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
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

  private static void chunk(java.io.DataOutputStream out, String type, byte[] data)
      throws java.io.IOException {
    out.writeInt(data.length);
    out.write(type.getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /** A connection the store closed on us counts as a refusal. */
  private record FailedResponse(java.io.IOException cause) implements HttpResponse<String> {
    public int statusCode() {
      return 499;
    }

    public HttpRequest request() {
      return null;
    }

    public java.util.Optional<HttpResponse<String>> previousResponse() {
      return java.util.Optional.empty();
    }

    public java.net.http.HttpHeaders headers() {
      return java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true);
    }

    public String body() {
      return cause.toString();
    }

    public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
      return java.util.Optional.empty();
    }

    public URI uri() {
      return null;
    }

    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}
