import { camunda } from "./camunda.ts";
import { contensis } from "./contensis.ts";
import type { Contract } from "./contract.ts";
import { devicehive } from "./devicehive.ts";
import { scim } from "./scim.ts";
import { strapi } from "./strapi.ts";

export const contracts: Contract[] = [contensis, camunda, devicehive, strapi, scim];
