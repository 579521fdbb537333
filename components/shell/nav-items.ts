import { CAN, type Role } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; roles: readonly Role[]; icon: string };

// The sidebar shows only what the role may open; every page still checks on the server.
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", roles: CAN.viewDashboard, icon: "M4 20V10M10 20V4M16 20v-7M22 20H2" },
  { href: "/profiles", label: "Profiles", roles: CAN.viewProfiles, icon: "M4 6h16M4 12h16M4 18h10" },
  { href: "/deliveries", label: "Deliveries", roles: CAN.viewDeliveries, icon: "M3 12h13m0 0-4-4m4 4-4 4M21 5v14" },
  { href: "/test-events", label: "Test events", roles: CAN.sendTestEvents, icon: "M9 3h6M10 3v6l-5 9a2 2 0 0 0 2 3h10a2 2 0 0 0 2-3l-5-9V3" },
  { href: "/alerts", label: "Alerts", roles: CAN.viewAlerts, icon: "M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" },
  { href: "/audit", label: "Audit", roles: CAN.viewAudit, icon: "M9 12l2 2 4-4M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7l8-4z" },
  {
    href: "/settings",
    label: "Settings",
    roles: CAN.manageUsers,
    icon: "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19 12l2-1-2-4-2 .5-1.5-1L15 4h-4l-.5 2.5-1.5 1L7 7 5 11l2 1v0l-2 1 2 4 2-.5 1.5 1L11 20h4l.5-2.5 1.5-1 2 .5 2-4-2-1z",
  },
];
