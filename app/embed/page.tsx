import { EmbedApp } from "@/components/embed/EmbedApp";

/** Stages embedded in another page (an iframe): see embed/README.md. */
export default function EmbedPage() {
  return <EmbedApp />;
}
