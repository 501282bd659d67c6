// The WPS add-in's hidden entry page: exposes the ribbon callbacks on window.ribbon.
import type { WpsApplication } from "../hosts/wps/wps-api";
import { createRibbon } from "./ribbon";

const scope = window as unknown as { Application?: WpsApplication; ribbon?: unknown };
if (scope.Application) scope.ribbon = createRibbon(scope.Application, window.location.href);
