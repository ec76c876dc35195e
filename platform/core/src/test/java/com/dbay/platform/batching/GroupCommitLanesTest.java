package com.dbay.platform.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitLanesTest {

  @Test
  void everyRequestGetsItsOwnAnswerAndOneKeysBatchesNeverOverlap() throws Exception {
    Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    Map<String, List<Integer>> handled = new ConcurrentHashMap<>();
    AtomicInteger batches = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    GroupCommitLanes<String, Integer, String> lanes =
        new GroupCommitLanes<>(
            (key, requests) -> {
              if (running.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
              }
              batches.incrementAndGet();
              try {
                Thread.sleep(2);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              handled
                  .computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                  .addAll(requests);
              running.get(key).decrementAndGet();
              return requests.stream().map(r -> key + ":" + r).toList();
            },
            50);

    int threads = 32, perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      results.add(
          pool.submit(
              () -> {
                go.await();
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  int request = id * perThread + i;
                  String key = "k" + (request % 3);
                  String answer = lanes.submit(key, request);
                  assertThat(answer).isEqualTo(key + ":" + request);
                  mine.add(answer);
                }
                return mine;
              }));
    }
    go.countDown();
    int answered = 0;
    for (Future<List<String>> f : results) {
      answered += f.get().size();
    }
    pool.shutdown();
    assertThat(answered).isEqualTo(threads * perThread);
    assertThat(overlaps.get()).as("two batches of one key at once").isZero();
    assertThat(handled.values().stream().mapToInt(List::size).sum()).isEqualTo(threads * perThread);
    assertThat(batches.get()).as("requests shared batches").isLessThan(threads * perThread);
    // Each thread's requests of one key were handled in the order that thread submitted them.
    for (List<Integer> order : handled.values()) {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        List<Integer> ofThread = order.stream().filter(r -> r / perThread == thread).toList();
        assertThat(ofThread).isSorted();
      }
    }
  }

  @Test
  void aFailingBatchFailsEveryRequestInItAndTheLaneGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    GroupCommitLanes<String, String, String> lanes =
        new GroupCommitLanes<>(
            (key, requests) -> {
              calls.incrementAndGet();
              if (requests.contains("poison")) {
                throw new IllegalStateException("commit failed");
              }
              return requests;
            },
            10);
    assertThatThrownBy(() -> lanes.submit("k", "poison"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("commit failed");
    assertThat(lanes.submit("k", "fine")).isEqualTo("fine");
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aBatchThatAnswersTheWrongNumberOfRequestsFailsThemAll() {
    GroupCommitLanes<String, String, String> lanes =
        new GroupCommitLanes<>((key, requests) -> List.of(), 10);
    assertThatThrownBy(() -> lanes.submit("k", "a")).isInstanceOf(IllegalStateException.class);
  }
}
