package com.dbay.lambda.localruntime.api;

import com.dbay.lambda.asl.Json;
import com.dbay.lambda.localruntime.schedule.Schedules;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** What the runtime is doing: schedule firings and their lateness. */
@RestController
public class LocalRuntimeInfo {

  private final Schedules schedules;

  public LocalRuntimeInfo(Schedules schedules) {
    this.schedules = schedules;
  }

  @GetMapping(path = "/local/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
  public String schedules() {
    ObjectNode out = Json.NODES.objectNode();
    schedules
        .stats()
        .forEach(
            (name, s) ->
                out.putObject(name)
                    .put("fired", s.fired())
                    .put("skipped", s.skipped())
                    .put("failed", s.failed())
                    .put("lastLatenessMicros", s.lastLatenessMicros())
                    .put("maxLatenessMicros", s.maxLatenessMicros()));
    return Json.write(out);
  }
}
