// The cabinet's runtime libraries, exposed on window for component scripts:
// htmx 2 (configured from <meta name="htmx-config"> in the shell) and Alpine's
// CSP build with the focus plugin (x-trap for the offcanvas and modals).
// Component files never import: they use window.Alpine inside "alpine:init".
import htmx from "htmx.org";
import Alpine from "@alpinejs/csp";
import focus from "@alpinejs/focus";

window.htmx = htmx;
window.Alpine = Alpine;
Alpine.plugin(focus);
