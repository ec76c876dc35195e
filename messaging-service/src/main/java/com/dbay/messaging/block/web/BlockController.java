package com.dbay.messaging.block.web;

import com.dbay.messaging.block.Block;
import com.dbay.messaging.block.Blocks;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's blocks: PUT blocks someone, DELETE unblocks; both are repeatable. */
@RestController
@RequestMapping("/api/v1/messaging/blocks")
class BlockController {

  record BlockView(String userId, Instant createdAt) {}

  record BlockList(List<BlockView> items) {}

  private final Blocks blocks;

  BlockController(Blocks blocks) {
    this.blocks = blocks;
  }

  @GetMapping({"", "/"})
  BlockList mine(@CurrentUser Identity caller) {
    return new BlockList(
        blocks.of(caller.userId()).stream()
            .map((Block b) -> new BlockView(b.blockedId(), b.createdAt()))
            .toList());
  }

  @PutMapping("/{userId}")
  ResponseEntity<Void> block(@PathVariable String userId, @CurrentUser Identity caller) {
    blocks.block(caller.userId(), userId);
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{userId}")
  ResponseEntity<Void> unblock(@PathVariable String userId, @CurrentUser Identity caller) {
    blocks.unblock(caller.userId(), userId);
    return ResponseEntity.noContent().build();
  }
}
