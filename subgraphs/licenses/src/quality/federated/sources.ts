// The adapters of the licences' side of the cross-silo quality checks, over the silo itself.
import type { Silo } from "@onceonly/shared";
import { LicenseHoldingSource } from "./license-holding.source.js";
import { QualityHoldersSource } from "./quality-holders.source.js";

export interface FederatedQualitySources {
  holders: QualityHoldersSource;
  holdings: LicenseHoldingSource;
}

export function createFederatedQualitySources(silo: Silo): FederatedQualitySources {
  return { holders: new QualityHoldersSource(silo), holdings: new LicenseHoldingSource(silo) };
}
