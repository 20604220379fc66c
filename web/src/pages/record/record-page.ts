import { h, mount } from "../../core/dom.js";
import type { Page } from "../../core/router.js";

const page: Page = (root) => {
  mount(root, h("h1", {}, "record"));
  return undefined;
};
export default page;
