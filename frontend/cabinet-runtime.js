// The cabinet's runtime libraries, exposed on window for component scripts:
// htmx 2 (configured from <meta name="htmx-config"> in the shell) and Alpine's
// CSP build. No Alpine plugins: the offcanvas sidebar's focus trap lives in
// shell.js and the modal host's in its own component (a <dialog>).
// Component files never import: they use window.Alpine inside "alpine:init".
import htmx from "htmx.org";
import Alpine from "@alpinejs/csp";

window.htmx = htmx;
window.Alpine = Alpine;
