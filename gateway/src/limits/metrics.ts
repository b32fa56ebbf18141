// Refused operations, by reason: a rise in one says either an attack or a client that
// outgrew a limit, and the operator should know which before a clerk calls.
import { defineCounter } from "@onceonly/shared";

export const operationsRefused = () =>
  defineCounter({
    name: "onceonly_gateway_operations_refused_total",
    help: "Operations refused before planning, by reason (depth, aliases, rootFields, cost, not_persisted)",
    labelNames: ["reason"],
  });
