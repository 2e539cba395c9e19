// The demo directory: the users, roles and reports that the seeds' examples name, so each example works.
import type { ImportFile } from "../directory/import.ts";

export const DEMO_ADMIN_ID = "9d1e6a52-3b8f-4c1e-8a55-0c2f4b7d9e01";

export const demoDirectory: ImportFile = {
  users: [
    {
      id: DEMO_ADMIN_ID,
      username: "admin",
      email: "admin@example.com",
      firstName: "Ada",
      lastName: "Admin",
      role: "admin",
      status: "active",
      confirmed: true,
    },
    {
      id: "4b262379-5bbe-421e-a429-f6e2ab5a849b",
      username: "tdurden",
      email: "t.durden@fightclub.com",
      firstName: "Tyler",
      lastName: "Durden",
      timezone: "America/New_York",
      language: "en-US",
      attributes: { department: "Soap sales" },
      role: "client",
      status: "active",
      confirmed: true,
    },
    {
      id: "c7b3f0d2-8a4e-4f61-9b2d-5e1a7c9d3f42",
      username: "jonny1",
      email: "jonny1@example.com",
      firstName: "John",
      lastName: "Doe",
      role: "client",
      status: "active",
    },
    { id: "12345", username: "user12345", email: "user12345@example.com", role: "client", status: "active" },
    {
      id: "5a8e2c14-7d3b-4e9f-a1c6-2b4d8f0e6a73",
      username: "dhclient",
      role: "client",
      status: "active",
      attributes: { theme: "dark" },
    },
    {
      id: "2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10",
      username: "jlopez",
      email: "jlopez@mydomain.com",
      role: "client",
      status: "active",
      confirmed: true,
      provider: "local",
    },
  ],
  reports: [
    {
      id: "d0fea516-9b58-4cf5-ab86-bb7e983e4b0c",
      uuid: "maia-8439cc39b63b",
      referenceId: "96234",
      type: "reference",
      processed: true,
      score: 98,
      scoreProbability: 96,
      scoreConfidence: 99,
      scoreVersion: "v-ab86",
      owner: "jlopez",
    },
    { id: "0e6f1c3a-2b7d-4a58-9c14-6d8e2f0a4b91", uuid: "maia-c6cbaa76ba8f", referenceId: "96235", type: "reference" },
    { id: "7c2a9e4f-1d6b-4f83-b5a0-3e9d1c7f2a68", uuid: "maia-3b5a054c593d", referenceId: "96236", type: "reference" },
    { id: "b4d81f27-6e3c-4a95-8f1b-9a2c5e7d0f34", uuid: "maia-f95a8582aea5", referenceId: "96237", type: "reference" },
  ],
};
