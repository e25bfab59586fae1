import { StagesApp } from "@/components/StagesApp";

export default function Home() {
  return <StagesApp />;
}
