// Runs the gateway alone (deployment): reads config, loads the supergraph, listens.
import "reflect-metadata"; // @onceonly/shared carries type-graphql types: the metadata API must exist first
import { logger } from "@onceonly/shared";
import { readGatewayConfig } from "./config.js";
import { openAuditLog } from "./audit/open-audit-log.js";
import { createAuthenticator } from "./auth/authenticator.js";
import { loadSupergraph, startGatewayService } from "./server.js";

try {
  const config = readGatewayConfig();
  const supergraphSdl = await loadSupergraph(config.supergraphPath);
  const authenticator = await createAuthenticator(config.auth);
  const audit = await openAuditLog(config.audit);
  const gateway = await startGatewayService({ ...config, supergraphSdl, authenticate: (header) => authenticator.authenticate(header), audit }).catch(async (error: unknown) => {
    await audit.close();
    throw error;
  });
  logger.info({ url: gateway.url, subgraphs: config.subgraphUrls, trustedTokenKeys: authenticator.trusted }, "gateway listening");
  const stop = async () => {
    await gateway.close();
    await audit.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  logger.error({ err: error }, "gateway failed to start");
  process.exit(1);
}
