package com.dbay.bench.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic made-up listings (seeded): a 3-level tree of 10 × 3 × 3 categories, titles from brand,
 * adjective, noun and model words, item specifics, both formats, prices from 1 to 20,000 DOGE and ends
 * spread over the next 10 days. The same seed gives the same catalogue, so runs compare.
 */
final class Catalogue {

  static final String[] ROOTS = {"electronics", "collectibles", "fashion", "home", "sports", "toys", "motors", "books", "music", "garden"};
  static final String[] MIDS = {"classic", "modern", "pro"};
  static final String[] LEAVES = {"small", "medium", "large"};
  static final String[] BRANDS = {"Shimano", "Canon", "Nikon", "Sony", "Apple", "Samsung", "Trek", "Giant", "Lego", "Hasbro", "Levis",
      "Nike", "Adidas", "Puma", "Bosch", "Makita", "Dyson", "Philips", "Yamaha", "Fender", "Gibson", "Rolex", "Seiko", "Casio", "Ikea",
      "Bialetti", "Smeg", "Kenwood", "Garmin", "Fitbit", "Nintendo", "Sega", "Atari", "Penguin", "Marvel", "Hornby", "Corgi", "Zippo",
      "Parker", "Moleskine"};
  static final String[] ADJECTIVES = {"vintage", "red", "blue", "black", "silver", "golden", "wooden", "leather", "rare", "boxed",
      "mint", "used", "refurbished", "handmade", "antique", "compact", "portable", "wireless", "electric", "classic", "limited",
      "signed", "original", "heavy", "lightweight", "carbon", "steel", "ceramic", "glass", "cotton"};
  static final String[] NOUNS = {"bike", "camera", "lens", "guitar", "watch", "phone", "laptop", "tablet", "headphones", "speaker",
      "jacket", "sneakers", "boots", "handbag", "wallet", "lamp", "chair", "table", "kettle", "teapot", "blender", "drill", "saw",
      "hammer", "tent", "backpack", "helmet", "skateboard", "surfboard", "racket", "ball", "puzzle", "train", "doll", "figure",
      "comic", "novel", "atlas", "vinyl", "cassette", "amplifier", "microphone", "keyboard", "mouse", "monitor", "console", "controller",
      "pen", "notebook", "clock", "vase", "mirror", "rug", "blanket", "pillow", "mug", "plate", "knife", "pan", "grill"};
  static final String[] COLOURS = {"Red", "Blue", "Black", "White", "Green", "Silver"};
  static final String[] CONDITIONS = {"new", "open-box", "refurbished", "used", "for-parts"};

  /** Category ids: roots 1-10, mids r*10+m, leaves r*100+m*10+l (+1 everywhere so none is 0). */
  static List<Integer> path(int root, int mid, int leaf) {
    return List.of(root + 1, (root + 1) * 10 + mid + 1, (root + 1) * 100 + (mid + 1) * 10 + leaf + 1);
  }

  private final Random random;
  private final Instant now;

  Catalogue(long seed, Instant now) {
    this.random = new Random(seed);
    this.now = now;
  }

  ObjectNode listing(int n) {
    int root = random.nextInt(ROOTS.length);
    int mid = random.nextInt(MIDS.length);
    int leaf = random.nextInt(LEAVES.length);
    String brand = BRANDS[random.nextInt(BRANDS.length)];
    String noun = NOUNS[random.nextInt(NOUNS.length)];
    String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
    String colour = COLOURS[random.nextInt(COLOURS.length)];
    String title = cap(adjective) + " " + brand + " " + noun + " " + (char) ('A' + random.nextInt(26)) + (100 + random.nextInt(900));
    boolean auction = random.nextInt(10) < 6;
    long priceKoinu = (long) (Math.exp(random.nextDouble() * Math.log(20_000)) * 100_000_000L);
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("listingId", "B-" + n);
    s.put("sellerId", "seller-" + random.nextInt(2000));
    s.put("sellerName", "seller" + random.nextInt(2000));
    s.put("title", title);
    s.put("description", "A " + adjective + " " + colour.toLowerCase() + " " + noun + " by " + brand + ", "
        + ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " and " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
        + ". Ships from " + ROOTS[random.nextInt(ROOTS.length)] + " warehouse " + random.nextInt(50) + ".");
    List<Integer> path = path(root, mid, leaf);
    s.put("categoryId", path.get(2));
    path.forEach(s.putArray("categoryPath")::add);
    s.put("condition", CONDITIONS[random.nextInt(CONDITIONS.length)]);
    s.put("format", auction ? "auction" : "fixed");
    s.put("status", "active");
    s.put("price", doge(priceKoinu));
    s.put("startPrice", doge(priceKoinu));
    if (!auction) {
      s.put("quantity", 1 + random.nextInt(10));
    } else if (random.nextInt(3) == 0) {
      s.put("buyItNowPrice", doge(priceKoinu * 3));
    }
    Instant starts = now.minus(random.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
    s.put("startsAt", starts.toString());
    s.put("endsAt", now.plus(5 + random.nextInt(10 * 24 * 60), ChronoUnit.MINUTES).toString());
    ObjectNode spec = s.putObject("itemSpecifics");
    spec.put("Brand", brand);
    spec.put("Colour", colour);
    spec.put("Size", LEAVES[leaf]);
    s.put("thumbnailUrl", "https://img.dbay.dev/B-" + n + "/300.jpg");
    s.putArray("shipsTo").add("EU").add("UK");
    s.put("shippingCost", doge(500_000_000L + random.nextInt(2000) * 1_000_000L));
    s.put("bidCount", 0);
    s.put("createdAt", starts.toString());
    s.put("version", 1);
    return s;
  }

  static String doge(long koinu) {
    return java.math.BigDecimal.valueOf(koinu, 8).toPlainString();
  }

  static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Query strings of a realistic mix: words with typos, filters, sorts (all valid). */
  List<String> queries(int count) {
    List<String> list = new ArrayList<>();
    String[] sorts = {"relevance", "ending_soonest", "newly_listed", "price_asc", "price_desc"};
    for (int i = 0; i < count; i++) {
      int kind = random.nextInt(20);
      String noun = NOUNS[random.nextInt(NOUNS.length)];
      String brand = BRANDS[random.nextInt(BRANDS.length)];
      List<Integer> path = path(random.nextInt(10), random.nextInt(3), random.nextInt(3));
      String q;
      if (kind < 8) {
        q = "q=" + enc(random.nextBoolean() ? typo(noun) : brand.toLowerCase() + " " + noun);
      } else if (kind < 12) {
        q = "q=" + enc(noun) + "&category=" + path.get(random.nextInt(2));
      } else if (kind < 15) {
        q = "category=" + path.get(random.nextInt(3)) + "&sort=" + sorts[1 + random.nextInt(4)];
      } else if (kind < 17) {
        q = "q=" + enc(typo(noun)) + "&format=" + (random.nextBoolean() ? "auction" : "fixed") + "&minPrice=" + (1 + random.nextInt(50))
            + "&maxPrice=" + (100 + random.nextInt(5000));
      } else if (kind < 19) {
        q = "category=" + path.get(1) + "&spec.Brand=" + brand + "&sort=" + sorts[random.nextInt(5)];
      } else {
        q = "q=" + enc(ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + noun) + "&buyItNow=true&condition="
            + CONDITIONS[random.nextInt(CONDITIONS.length)];
      }
      list.add(q + "&size=24");
    }
    return list;
  }

  /** Prefixes as a person types them: 2 to 12 letters of a title's words. */
  List<String> prefixes(int count) {
    List<String> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = (random.nextBoolean() ? BRANDS[random.nextInt(BRANDS.length)] + " " : "")
          + NOUNS[random.nextInt(NOUNS.length)];
      list.add(text.substring(0, Math.min(text.length(), 2 + random.nextInt(11))).toLowerCase());
    }
    return list;
  }

  private String typo(String word) {
    if (word.length() < 5 || random.nextBoolean()) {
      return word;
    }
    int at = 1 + random.nextInt(word.length() - 2);
    return word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
