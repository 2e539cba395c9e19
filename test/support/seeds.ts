// The request body of the Contensis page's example (seed 000), which several suites send as it is.
export const contensisSeedBody = {
  username: "tdurden",
  email: "t.turden@fightclub.com",
  firstname: "Tyler",
  lastname: "Durden",
  timezone: "America/New_York",
  language: "en-US",
  custom: { department: "Soap sales" },
};
