import { Card, EmptyState, PageHeader } from "./page-header";

/** An honest placeholder for a section whose issue has not landed yet: says so, offers nothing fake. */
export function NotBuiltYet({ title, description, issue }: { title: string; description: string; issue: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState title="Not available in this build yet">
          This part of the console is being built ({issue}). Nothing here is simulated: when it lands, this page shows live data.
        </EmptyState>
      </Card>
    </>
  );
}
