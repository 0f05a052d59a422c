// dist/htmx.js: htmx 2, loaded on demand by the cabinet runtime (window.cabinetHtmx()).
// The imports are evaluated in this order.
import "./htmx-before.js";
import htmx from "htmx.org";
import "./htmx-after.js";

window.htmx = htmx;
