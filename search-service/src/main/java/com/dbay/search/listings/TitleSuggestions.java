package com.dbay.search.listings;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The titles of the visible listings, held in memory to answer as-you-type suggestions without a
 * round trip to OpenSearch (whose HTTP layer alone costs more than the 10 ms goal on two cores).
 *
 * <p>Same answers as the index's completion field ({@code ListingDocument.completion}): titles that
 * start with what was typed rank first, then titles where a later word (up to the eighth) starts
 * with it; case and accents are ignored and punctuation counts as a space. Within a rank the order
 * is alphabetical, so answers are stable.
 *
 * <p>Shape: an immutable base (sorted arrays of packed {@code slot, offset} pairs over normalized
 * titles, about 50 bytes a listing instead of a few hundred in a tree of strings) plus a small
 * delta of the listings changed since it was built; the base is rebuilt when the delta grows.
 * Written by one thread (the feed), read by any number.
 */
public final class TitleSuggestions {

  /** Later words a suggestion can start from, as in the index's completion inputs. */
  static final int MAX_LATER_WORDS = 8;

  /** The completion field's {@code max_input_length}: longer inputs are cut there. */
  static final int MAX_INPUT_LENGTH = 60;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A listing as suggestions see it; a null title means not suggested (hidden or gone). */
  private record Item(String listingId, String title, String key) {}

  /** One suggestion: a title and the listing it belongs to. */
  public record Match(String title, String listingId) {}

  private static final class Base {
    final String[] ids;
    final String[] titles;
    final String[] keys;
    final long[] starts;
    final long[] later;
    final Map<String, Integer> slotById;

    Base(List<Item> items) {
      int n = items.size();
      ids = new String[n];
      titles = new String[n];
      keys = new String[n];
      slotById = new HashMap<>(n * 2);
      List<Long> laterList = new ArrayList<>(n * 3);
      for (int slot = 0; slot < n; slot++) {
        Item item = items.get(slot);
        ids[slot] = item.listingId();
        titles[slot] = item.title();
        keys[slot] = item.key();
        slotById.put(item.listingId(), slot);
        for (int offset : laterWordOffsets(item.key())) {
          laterList.add(pack(slot, offset));
        }
      }
      long[] byTitle = new long[n];
      for (int slot = 0; slot < n; slot++) {
        byTitle[slot] = pack(slot, 0);
      }
      starts = sorted(byTitle);
      later = sorted(laterList.stream().mapToLong(Long::longValue).toArray());
    }

    private long[] sorted(long[] values) {
      Long[] boxed = Arrays.stream(values).boxed().toArray(Long[]::new);
      Arrays.sort(boxed, this::compare);
      return Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
    }

    /** By suffix, then by listing id; compared in place, without copying the suffixes. */
    int compare(long a, long b) {
      String ka = keys[slot(a)];
      String kb = keys[slot(b)];
      int i = offset(a);
      int j = offset(b);
      while (i < ka.length() && j < kb.length()) {
        int d = ka.charAt(i++) - kb.charAt(j++);
        if (d != 0) {
          return d;
        }
      }
      int byLength = (ka.length() - i) - (kb.length() - j);
      return byLength != 0 ? byLength : ids[slot(a)].compareTo(ids[slot(b)]);
    }

    String suffix(long packed) {
      return keys[slot(packed)].substring(offset(packed));
    }

    /** Whether the suffix at {@code packed} sorts below {@code prefix}, compared in place. */
    boolean below(long packed, String prefix) {
      String key = keys[slot(packed)];
      int i = offset(packed);
      int j = 0;
      while (i < key.length() && j < prefix.length()) {
        int d = key.charAt(i++) - prefix.charAt(j++);
        if (d != 0) {
          return d < 0;
        }
      }
      return j < prefix.length();
    }

    /** Whether the suffix at {@code packed} starts with {@code prefix}. */
    boolean startsWith(long packed, String prefix) {
      return keys[slot(packed)].startsWith(prefix, offset(packed));
    }

    /** The first position whose suffix is not below {@code prefix}. */
    int lowerBound(long[] sorted, String prefix) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (below(sorted[mid], prefix)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  private volatile Base base = new Base(List.of());

  /** Listings changed since the base was built, by id; their base entries no longer count. */
  private final Map<String, Item> changed = new ConcurrentHashMap<>();

  /** The suggested ones among {@link #changed}, by suffix + NUL + id, like the base's order. */
  private final ConcurrentSkipListMap<String, Item> changedStarts = new ConcurrentSkipListMap<>();

  private final ConcurrentSkipListMap<String, Item> changedLater = new ConcurrentSkipListMap<>();

  private final int rebuildAfter;

  /**
   * @param rebuildAfter how many changed listings the delta holds before the base is rebuilt
   */
  public TitleSuggestions(int rebuildAfter) {
    this.rebuildAfter = rebuildAfter;
  }

  /** Replaces everything with these listings (id → title of the visible ones). */
  public synchronized void replaceAll(Map<String, String> visibleTitles) {
    List<Item> items = new ArrayList<>(visibleTitles.size());
    visibleTitles.forEach(
        (id, title) -> {
          Item item = item(id, title);
          if (item.title() != null) {
            items.add(item);
          }
        });
    base = new Base(items);
    changed.clear();
    changedStarts.clear();
    changedLater.clear();
  }

  /**
   * Records a listing's current state: its title when visible, null when it must not be suggested.
   */
  public synchronized void put(String listingId, String titleOrNull) {
    Item now = item(listingId, titleOrNull);
    Item before = current(listingId);
    if (before == null ? now.title() == null : before.equals(now)) {
      return; // a bid or a price change: nothing suggestions show
    }
    Item old = changed.put(listingId, now);
    if (old != null && old.title() != null) {
      removeDelta(old);
    }
    if (now.title() != null) {
      changedStarts.put(now.key() + '\0' + listingId, now);
      for (int offset : laterWordOffsets(now.key())) {
        changedLater.put(now.key().substring(offset) + '\0' + listingId, now);
      }
    }
    if (changed.size() >= rebuildAfter) {
      rebuild();
    }
  }

  /** How many listings are suggested now. */
  public int size() {
    Base b = base;
    int count = b.ids.length;
    for (Item item : changed.values()) {
      boolean inBase = b.slotById.containsKey(item.listingId());
      if (inBase && item.title() == null) {
        count--;
      } else if (!inBase && item.title() != null) {
        count++;
      }
    }
    return count;
  }

  /** Up to {@code limit} suggestions for what was typed, best first. */
  public List<Match> suggest(String typed, int limit) {
    String prefix = normalizeTyped(typed);
    List<Match> matches = new ArrayList<>(limit);
    if (prefix.isEmpty() || limit <= 0) {
      return matches;
    }
    Base b = base;
    collect(b, b.starts, changedStarts, prefix, limit, matches);
    if (matches.size() < limit) {
      collect(b, b.later, changedLater, prefix, limit - matches.size(), matches);
    }
    return matches;
  }

  /** The first {@code limit} entries by suffix from the base and the delta together, merged. */
  private void collect(
      Base b,
      long[] sorted,
      NavigableMap<String, Item> delta,
      String prefix,
      int limit,
      List<Match> into) {
    List<Map.Entry<String, Match>> found = new ArrayList<>(limit * 2);
    for (int i = b.lowerBound(sorted, prefix); i < sorted.length && found.size() < limit; i++) {
      if (!b.startsWith(sorted[i], prefix)) {
        break;
      }
      int slot = slot(sorted[i]);
      if (!changed.containsKey(b.ids[slot])) {
        found.add(
            Map.entry(
                b.suffix(sorted[i]) + '\0' + b.ids[slot], new Match(b.titles[slot], b.ids[slot])));
      }
    }
    int fromDelta = 0;
    for (Map.Entry<String, Item> e : delta.tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix) || fromDelta++ >= limit) {
        break;
      }
      found.add(Map.entry(e.getKey(), new Match(e.getValue().title(), e.getValue().listingId())));
    }
    found.sort(Map.Entry.comparingByKey());
    for (int i = 0; i < found.size() && i < limit; i++) {
      into.add(found.get(i).getValue());
    }
  }

  private Item current(String listingId) {
    Item item = changed.get(listingId);
    if (item != null) {
      return item;
    }
    Base b = base;
    Integer slot = b.slotById.get(listingId);
    return slot == null ? null : new Item(listingId, b.titles[slot], b.keys[slot]);
  }

  private void removeDelta(Item old) {
    changedStarts.remove(old.key() + '\0' + old.listingId());
    for (int offset : laterWordOffsets(old.key())) {
      changedLater.remove(old.key().substring(offset) + '\0' + old.listingId());
    }
  }

  /** Folds the delta into a new base, so lookups stay a binary search and the delta stays small. */
  private void rebuild() {
    Base b = base;
    List<Item> items = new ArrayList<>(b.ids.length + changed.size());
    for (int slot = 0; slot < b.ids.length; slot++) {
      if (!changed.containsKey(b.ids[slot])) {
        items.add(new Item(b.ids[slot], b.titles[slot], b.keys[slot]));
      }
    }
    for (Item item : changed.values()) {
      if (item.title() != null) {
        items.add(item);
      }
    }
    // Readers may see the new base with the old delta for a moment: the same listing twice at
    // worst (the caller drops repeated titles), never one missing.
    base = new Base(items);
    changed.clear();
    changedStarts.clear();
    changedLater.clear();
  }

  private static Item item(String listingId, String title) {
    if (title == null || title.isBlank()) {
      return new Item(listingId, null, null);
    }
    String key = normalize(title);
    if (key.length() > MAX_INPUT_LENGTH) {
      key = key.substring(0, MAX_INPUT_LENGTH);
    }
    return key.isEmpty() ? new Item(listingId, null, null) : new Item(listingId, title, key);
  }

  /** Lower case, accents folded, every run of other characters one space, trimmed. */
  static String normalize(String text) {
    String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return SEPARATORS.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  /** As {@link #normalize}, keeping one trailing space: "sony " asks for a next word. */
  static String normalizeTyped(String typed) {
    String key = normalize(typed);
    boolean wordEnded =
        !key.isEmpty()
            && !typed.isEmpty()
            && !Character.isLetterOrDigit(typed.charAt(typed.length() - 1));
    return wordEnded ? key + ' ' : key;
  }

  static int[] laterWordOffsets(String key) {
    int[] offsets = new int[MAX_LATER_WORDS];
    int count = 0;
    for (int i = 1; i < key.length() && count < MAX_LATER_WORDS; i++) {
      if (key.charAt(i - 1) == ' ' && key.charAt(i) != ' ') {
        offsets[count++] = i;
      }
    }
    return Arrays.copyOf(offsets, count);
  }

  private static long pack(int slot, int offset) {
    return ((long) slot << 8) | offset;
  }

  private static int slot(long packed) {
    return (int) (packed >>> 8);
  }

  private static int offset(long packed) {
    return (int) (packed & 0xFF);
  }
}
